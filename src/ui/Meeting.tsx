import { Box, Text, useInput } from 'ink';
import Spinner from 'ink-spinner';
import TextInput from 'ink-text-input';
import { useRef, useState } from 'react';
import { formatClock } from '../engine/clock.js';
import { hintFor, type Line } from './store.js';
import { tint } from './theme.js';
import { useActions, useStore } from './use-store.js';

const GUTTER = 7;

/** How many terminal rows a line takes at this width (an estimate: Ink wraps at words). */
function height(line: Line, width: number, hints: boolean): number {
  const body = Math.max(10, width - GUTTER);
  const rows = Math.max(1, Math.ceil(line.text.length / body));
  return rows + (hints && line.hint ? Math.ceil((line.hint.length + 2) / body) : 0);
}

/** The newest lines that fit in `rows` rows. */
export function fitLines(lines: Line[], width: number, rows: number, hints: boolean): Line[] {
  const out: Line[] = [];
  let used = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const h = height(lines[i]!, width, hints);
    if (used + h > rows && out.length) break;
    out.unshift(lines[i]!);
    used += h;
  }
  return out;
}

function LineView({ line, who, hints }: { line: Line; who: string; hints: boolean }) {
  if (line.who === 'event') {
    return (
      <Text color={tint('magenta')} wrap="wrap">
        {'  * '}
        {line.text}
      </Text>
    );
  }
  if (line.who === 'system') {
    return (
      <Text dimColor wrap="wrap">
        {'  '}
        {line.text}
      </Text>
    );
  }
  const isUser = line.who === 'user';
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={GUTTER} flexShrink={0}>
          <Text bold color={tint(isUser ? 'cyan' : 'green')}>
            {isUser ? 'You' : who}
          </Text>
        </Box>
        <Text wrap="wrap">{line.text}</Text>
      </Box>
      {hints && line.hint ? (
        <Box marginLeft={GUTTER}>
          <Text color={tint('yellow')} wrap="wrap">
            ↳ {line.hint}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}

/** The clock as "mm:ss / mm:00", amber in the last minutes and red in overtime. */
export function ClockView({ clock, minutes, state }: { clock: number; minutes: number; state: string }) {
  const color = state === 'lastMinutes' ? 'yellow' : state === 'overtime' || state === 'hardStop' ? 'red' : undefined;
  return (
    <Text bold color={color ? tint(color) : undefined}>
      {formatClock(clock)} / {String(minutes).padStart(2, '0')}:00
    </Text>
  );
}

/** The conversation above an input line, a typing indicator, and a status bar. */
export function Meeting({ columns, rows }: { columns: number; rows: number }) {
  const actions = useActions();
  const lines = useStore((s) => s.lines);
  const typing = useStore((s) => s.typing);
  const hints = useStore((s) => s.hints);
  const clock = useStore((s) => s.clock);
  const clockState = useStore((s) => s.clockState);
  const mood = useStore((s) => s.mood);
  const ended = useStore((s) => s.ended);
  const selected = useStore((s) => s.selected)!;
  const [draft, setDraftState] = useState('');
  // The latest draft, updated synchronously: when text and Enter arrive in one tick (a paste, fast
  // typing), TextInput's onSubmit would otherwise hand back the value from before the text.
  const draftRef = useRef('');
  const setDraft = (v: string) => {
    draftRef.current = v;
    setDraftState(v);
  };
  const persona = selected.scenario.persona;
  const first = persona.name.split(' ')[0]!;

  useInput((_input, key) => {
    if (key.tab) actions.toggleHints();
    else if (key.escape) actions.end();
    else if (key.return && ended) actions.end();
  });

  const draftHint = hints && draft.trim() && !draft.trim().startsWith('/') ? hintFor(draft) : undefined;
  // The input line grows with a long draft; the conversation gives up those rows.
  const inputRows = Math.max(1, Math.ceil((draft.length + 6) / Math.max(20, columns)));
  const hintRows = draftHint ? Math.ceil((draftHint.length + 2) / Math.max(20, columns)) : 1;
  const reserved = 1 + hintRows + inputRows;
  const visible = fitLines(lines, columns, Math.max(3, rows - reserved), hints);

  return (
    <Box flexDirection="column" height={rows}>
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        {visible.map((l, i) => (
          <LineView key={`${lines.length - visible.length + i}`} line={l} who={first} hints={hints} />
        ))}
      </Box>
      {typing ? (
        <Text color={tint('green')}>
          <Spinner type="dots" /> {first} is typing…
        </Text>
      ) : draftHint ? (
        <Text color={tint('yellow')} wrap="wrap">
          ↳ {draftHint}
        </Text>
      ) : (
        <Text> </Text>
      )}
      <Box>
        <Text color={tint('cyan')}>you&gt; </Text>
        {ended ? (
          <Text dimColor>(meeting over — Enter for your report)</Text>
        ) : (
          <TextInput
            value={draft}
            focus={!typing}
            placeholder="ask a question, or /help"
            onChange={(v) => {
              // A paste (or fast typing) can deliver the text and Enter in one chunk.
              if (/[\r\n]/.test(v)) {
                setDraft('');
                actions.say(v.replace(/[\r\n]+/g, ' '));
              } else setDraft(v);
            }}
            onSubmit={() => {
              const v = draftRef.current;
              setDraft('');
              actions.say(v);
            }}
          />
        )}
      </Box>
      <Box>
        <Text inverse>
          {' '}
          {persona.name}
          {' · '}
        </Text>
        <Text inverse>
          <ClockView clock={clock} minutes={selected.scenario.meeting.minutes} state={clockState} />
        </Text>
        <Text inverse>
          {' · mood: '}
          {mood}
          {' · hints '}
          {hints ? 'on' : 'off'} (Tab) · /help{' '}
        </Text>
      </Box>
    </Box>
  );
}
