import { Box } from 'ink';
import { briefingOf } from '../report/briefing.js';
import { briefingLayout } from './briefing-layout.js';
import { screenHeight } from './rows.js';
import { RowView } from './RowView.js';
import { useStore } from './use-store.js';

/** Who the contact is, their public profile, the meeting, what is scored, tips. Enter starts. */
export function Briefing() {
  const selected = useStore((s) => s.selected);
  const picked = useStore((s) => s.picked);
  const columns = useStore((s) => s.columns);
  const rows = useStore((s) => s.rows);
  const top = useStore((s) => s.briefingTop);
  if (!selected) return null;
  const layout = briefingLayout(briefingOf(selected.scenario), picked, columns, screenHeight(rows), top);
  return (
    <Box flexDirection="column">
      {layout.rows.map((r, i) => (
        <RowView key={i} row={r} />
      ))}
    </Box>
  );
}
