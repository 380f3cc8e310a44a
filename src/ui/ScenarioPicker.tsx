import { Box, Text } from 'ink';
import { cellWidth } from '../report/wrap.js';
import { pickerHead, pickerHelp, pickerLabel } from './picker.js';
import { fitRow, row, screenHeight } from './rows.js';
import { RowView } from './RowView.js';
import { tint } from './theme.js';
import { useActions, useStore } from './use-store.js';

/** Every scenario: arrow keys and Enter to choose, typing filters the list, q or Esc quits. */
export function ScenarioPicker() {
  const actions = useActions();
  const filter = useStore((s) => s.filter);
  const index = useStore((s) => s.pickIndex);
  const columns = useStore((s) => s.columns);
  const rows = useStore((s) => s.rows);
  const shown = actions.shown();
  const headWidth = Math.max(0, ...shown.map((l) => cellWidth(pickerHead(l))));
  // Title, help, blank, filter, blank, then the list.
  const room = Math.max(1, screenHeight(rows) - 5);
  const first = Math.max(0, Math.min(index - Math.floor(room / 2), shown.length - room));
  return (
    <Box flexDirection="column">
      <Text bold>Choose a practice meeting</Text>
      <RowView row={fitRow(row(pickerHelp(filter, columns), { dim: true }), columns)} />
      <Box marginY={1}>
        <Text>Filter: </Text>
        <Text color={tint('cyan')}>{filter}</Text>
        <Text inverse> </Text>
      </Box>
      {shown.length ? (
        shown.slice(first, first + room).map((l, i) => {
          const selected = first + i === index;
          return <RowView key={l.scenario.id} row={fitRow(row(`${selected ? '❯ ' : '  '}${pickerLabel(l, columns, headWidth)}`, selected ? { color: 'cyan' } : {}), columns)} />;
        })
      ) : (
        <Text color={tint('yellow')}>No scenario matches "{filter}". Backspace to edit, Esc to clear.</Text>
      )}
    </Box>
  );
}
