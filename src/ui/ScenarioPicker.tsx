import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import { useState } from 'react';
import type { LoadedScenario } from '../scenario/registry.js';
import { tint } from './theme.js';
import { useActions, useStore } from './use-store.js';

/** One picker row in columns that fit `width`: title and field, difficulty, minutes and format. */
export function pickerLabel(l: LoadedScenario, width = 80): string {
  const s = l.scenario;
  const tail = ` ${s.difficulty.padEnd(6)} ${String(s.meeting.minutes).padStart(2)} min ${s.meeting.format.padEnd(6)}${s.default ? ' *' : '  '}`;
  const room = Math.max(20, width - tail.length - 4);
  let head = `${s.title} · ${s.field}`;
  if (head.length > room) head = `${head.slice(0, room - 1)}…`;
  return head.padEnd(room) + tail;
}

/** Every scenario, arrow keys and Enter to choose, typing filters the list. */
export function ScenarioPicker({ columns, rows }: { columns: number; rows: number }) {
  const scenarios = useStore((s) => s.scenarios);
  const actions = useActions();
  const [filter, setFilter] = useState('');
  useInput((input, key) => {
    // Key repeat can deliver several backspaces in one chunk.
    const deletes = (input.match(/[\u007f\b]/g) ?? []).length;
    if (key.backspace || key.delete || deletes) setFilter((f) => f.slice(0, -Math.max(1, deletes)));
    else if (key.escape) setFilter('');
    else if (input && !key.ctrl && !key.meta && !key.return && !key.tab && /^[\p{L}\p{N} -]+$/u.test(input) && !/^[1-9]$/.test(input)) setFilter((f) => f + input);
  });
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = scenarios.filter((l) => {
    const hay = `${l.scenario.id} ${pickerLabel(l, 1000)}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const items = shown.map((l) => ({ key: l.scenario.id, label: pickerLabel(l, columns), value: l.scenario.id }));
  return (
    <Box flexDirection="column">
      <Text bold>Choose a practice meeting</Text>
      <Text dimColor>↑/↓ to move, Enter to choose, type to filter · * the default</Text>
      <Box marginY={1}>
        <Text>Filter: </Text>
        <Text color={tint('cyan')}>{filter || ' '}</Text>
      </Box>
      {items.length ? (
        <SelectInput
          key={filter}
          items={items}
          limit={Math.max(3, rows - 7)}
          onSelect={(item) => {
            const l = scenarios.find((s) => s.scenario.id === item.value);
            if (l) actions.pick(l);
          }}
        />
      ) : (
        <Text color={tint('yellow')}>No scenario matches "{filter}". Backspace to edit, Esc to clear.</Text>
      )}
    </Box>
  );
}
