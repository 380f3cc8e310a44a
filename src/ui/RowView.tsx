import { Text } from 'ink';
import { memo } from 'react';
import type { Row } from './rows.js';
import { tint } from './theme.js';

/** One fitted row of styled segments (an empty row draws as a blank line). */
export const RowView = memo(function RowView({ row }: { row: Row }) {
  if (!row.length || row.every((s) => !s.text)) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {row.map((s, i) => (
        <Text key={i} color={s.color ? tint(s.color) : undefined} bold={s.bold} dimColor={s.dim} inverse={s.inverse}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
});
