import { Box, Text, useInput } from 'ink';
import { formatClock } from '../engine/clock.js';
import { DIMENSIONS } from '../scenario/schema.js';
import { DIMENSION_LABEL } from '../scoring/rubric.js';
import { bar, outcomeText } from '../report/text.js';
import { tint } from './theme.js';
import { useActions, useStore } from './use-store.js';

const MOOD_GLYPH = new Map(Object.entries({ warm: '●', engaged: '◕', neutral: '◑', impatient: '◔', cold: '○' }));

/** A one-line timeline: the mood after each of the contact's turns, with the clock at both ends. */
export function timeline(turns: Array<{ speaker: string; mood?: string; clock: number }>, width: number): string {
  const moods = turns.filter((t) => t.speaker === 'contact').map((t) => MOOD_GLYPH.get(t.mood ?? 'neutral') ?? '◑');
  const end = turns.length ? turns[turns.length - 1]!.clock : 0;
  const room = Math.max(5, width - 30);
  const step = Math.max(1, Math.ceil(moods.length / room));
  const glyphs = moods.filter((_, i) => i % step === 0).join('');
  return `00:00 ${glyphs} ${formatClock(end)}`;
}

/** The total, a bar per dimension, the turns that cost points, a timeline and where it was saved. */
export function ReportCard({ columns, rows }: { columns: number; rows: number }) {
  const s = useStore((x) => x.score);
  const savedTo = useStore((x) => x.savedTo);
  const actions = useActions();
  useInput((input) => {
    if (input === 'q') actions.exit();
    else if (input === 'r') actions.again();
  });
  if (!s) return null;
  const turns = actions.transcript()?.turns ?? [];
  const colour = (score: number, max: number) => tint(score >= max * 0.8 ? 'green' : score >= max * 0.5 ? 'yellow' : 'red');
  const noteRoom = Math.max(1, Math.floor((rows - 16) / 2));
  const notes = s.notes.slice(0, noteRoom);
  return (
    <Box flexDirection="column">
      <Text bold>
        Your score: {s.total}/100
      </Text>
      <Text dimColor>{outcomeText(s)}</Text>
      <Box flexDirection="column" marginTop={1}>
        {DIMENSIONS.map((d) => {
          const x = s.dimensions[d];
          return (
            <Text key={d}>
              {DIMENSION_LABEL[d].padEnd(17)}
              <Text color={colour(x.score, x.max)}>{bar(x.score, x.max)}</Text> {String(x.score).padStart(2)}/{x.max}
            </Text>
          );
        })}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>What cost points</Text>
        {notes.length ? (
          notes.map((n) => (
            <Box key={`${n.turn}-${n.dimension}`} flexDirection="column">
              <Text wrap="truncate-end">
                #{n.turn} {formatClock(n.clock)} "{n.text}"
              </Text>
              <Box marginLeft={3}>
                <Text color={tint('yellow')} wrap="wrap">
                  {n.note}
                  {n.rewrite ? ` Try: "${n.rewrite}"` : ''}
                </Text>
              </Box>
            </Box>
          ))
        ) : (
          <Text color={tint('green')}>Nothing — well done.</Text>
        )}
        {s.notes.length > notes.length ? <Text dimColor>…and {s.notes.length - notes.length} more in the transcript report (coffeechat score).</Text> : null}
      </Box>
      <Box marginTop={1}>
        <Text>Timeline </Text>
        <Text>{timeline(turns, columns)}</Text>
        <Text dimColor> (● warm ◑ neutral ○ cold)</Text>
      </Box>
      {savedTo ? <Text dimColor wrap="truncate-middle">Transcript saved to {savedTo}</Text> : null}
      <Text color={tint('green')}>q quit · r play again</Text>
    </Box>
  );
}
