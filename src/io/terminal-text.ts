// One sanitiser for everything that reaches a terminal from outside the program: scenario text,
// transcript lines, file names, report text, echoed source lines, error messages. A terminal
// obeys escape sequences wherever they appear, so a hostile scenario title could set the window
// title, rewrite the screen or fill the clipboard (OSC 52) before any key is pressed.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|[PX^_][^\u001b\u009c\n]*(?:\u001b\\|\u009c)?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]?|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?/g;
/** C0 and C1 controls (tab and newline handled apart), DEL, and bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print on a terminal: every escape sequence (CSI, OSC, DCS, …, in 7- and 8-bit
 * form), every other control character and every bidi override becomes one U+FFFD, so the reader
 * sees that something was there. Tabs stay; newlines stay only when `multiline`.
 */
export function printable(text: string, options: { multiline?: boolean } = {}): string {
  let s = String(text).replace(SEQUENCE, '\ufffd').replace(CONTROL, '\ufffd');
  if (!options.multiline) s = s.replace(/\n/g, '\ufffd');
  return s;
}

const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * One JSON Lines record. JSON.stringify already escapes C0 controls; this also escapes DEL, C1
 * controls, line separators and bidi controls, so the line is inert when it lands on a terminal
 * and still parses to exactly the same value.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A deep copy of plain data with every string made printable (multiline), for drawing it. */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value, { multiline: true }) as T;
  if (Array.isArray(value)) return value.map((v) => printableDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableDeep(v)])) as T;
  }
  return value;
}
