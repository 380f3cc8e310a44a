import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import { memo, useMemo } from 'react';
import { markerRow, meetingLayout } from './meeting-layout.js';
import { screenHeight, type Row } from './rows.js';
import { RowView } from './RowView.js';
import { tint } from './theme.js';
import { useStore } from './use-store.js';

/** How many times the conversation pane has drawn (a test checks typing does not redraw it). */
export const paneDraws = { count: 0 };

/**
 * The conversation (or notes) rows in view. Memoised: its props change only when the
 * conversation, the scroll position or the size change, so typing redraws only the input line.
 */
const Pane = memo(function Pane({ body, start, count, below, height, width }: { body: Row[]; start: number; count: number; below: number; height: number; width: number }) {
  paneDraws.count++;
  return (
    <Box flexDirection="column" height={height}>
      {body.slice(start, start + count).map((r, i) => (
        <RowView key={start + i} row={r} />
      ))}
      {below ? <RowView row={markerRow(below, width)} /> : null}
    </Box>
  );
});

/** The conversation above an input line, a typing indicator, and a status bar. */
export function Meeting() {
  const s = useStore((x) => x);
  const who = s.selected!.scenario.persona.name.split(' ')[0]!;
  const height = screenHeight(s.rows);
  const layout = useMemo(() => meetingLayout(s, height), [s, height]);
  return (
    <Box flexDirection="column" height={height}>
      {layout.pinned ? <RowView row={layout.pinned} /> : null}
      <Pane body={layout.body} start={layout.start} count={layout.count} below={layout.below} height={layout.paneHeight} width={layout.width} />
      {layout.indicator === 'typing' ? (
        <Text color={tint('green')} wrap="truncate-end">
          <Spinner type="dots" /> {who} is typing…{s.queued ? ' your line goes next' : ''}
        </Text>
      ) : (
        layout.indicator.map((r, i) => <RowView key={`i${i}`} row={r} />)
      )}
      {layout.input.map((r, i) => (
        <RowView key={`in${i}`} row={r} />
      ))}
      <RowView row={layout.status} />
    </Box>
  );
}
