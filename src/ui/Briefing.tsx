import { Box, Text, useInput } from 'ink';
import { briefingOf } from '../report/briefing.js';
import { tint } from './theme.js';
import { useActions, useStore } from './use-store.js';

/** Who the contact is, their public profile, the meeting, what is scored, tips. Enter starts. */
export function Briefing() {
  const selected = useStore((s) => s.selected);
  const picked = useStore((s) => s.picked);
  const actions = useActions();
  useInput((_input, key) => {
    if (key.return) actions.start();
    else if (key.escape) actions.back();
  });
  if (!selected) return null;
  const b = briefingOf(selected.scenario);
  return (
    <Box flexDirection="column">
      <Text bold>{b.title}</Text>
      <Text>
        You are meeting <Text bold>{b.who}</Text>.
      </Text>
      <Text>{b.meeting}</Text>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>Their public profile</Text>
        {b.profile.map((f) => (
          <Text key={f}> • {f}</Text>
        ))}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>You are scored on</Text>
        {b.scored.map((f) => (
          <Text key={f}> • {f}</Text>
        ))}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>Tips</Text>
        {b.tips.map((f) => (
          <Text key={f}> • {f}</Text>
        ))}
      </Box>
      <Box marginTop={1}>
        <Text color={tint('green')}>Press Enter to start{picked ? ', Esc to choose another meeting' : ''}.</Text>
      </Box>
    </Box>
  );
}
