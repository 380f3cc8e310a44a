import { Box } from 'ink';
import { reportLayout } from './report-layout.js';
import { screenHeight } from './rows.js';
import { RowView } from './RowView.js';
import { useActions, useStore } from './use-store.js';

/** The total, a bar and advice per dimension, the turn notes (scrollable), a timeline and where it was saved. */
export function ReportCard() {
  const s = useStore((x) => x.score);
  const savedTo = useStore((x) => x.savedTo);
  const columns = useStore((x) => x.columns);
  const rows = useStore((x) => x.rows);
  const top = useStore((x) => x.reportTop);
  const actions = useActions();
  if (!s) return null;
  const layout = reportLayout(s, actions.transcript()?.turns ?? [], savedTo, columns, screenHeight(rows), top);
  return (
    <Box flexDirection="column">
      {layout.rows.map((r, i) => (
        <RowView key={i} row={r} />
      ))}
    </Box>
  );
}
