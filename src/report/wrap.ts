import stringWidth from 'string-width';

/** Terminal cells a string takes (wide characters count two), as Ink measures it. */
export const cellWidth = (s: string): number => stringWidth(s);

/** How to wrap a paragraph. */
export interface WrapOptions {
  /** Text put before the first row (a label, a bullet); its width sets the hanging indent. */
  first?: string;
  /** Text put before every later row; defaults to spaces as wide as `first`. */
  rest?: string;
  /**
   * A word wider than a row: false leaves it whole on a row of its own (a path stays copyable and
   * the terminal folds it), true cuts it into row-sized pieces (for a screen drawn cell by cell).
   */
  breakLongWords?: boolean;
}

/** Cut a string into pieces of at most `width` cells, never splitting a character. */
function chop(word: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of word) {
    if (cur && cellWidth(cur + ch) > width) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Wrap one paragraph to `width` cells at spaces, never inside a word (unless asked to for words
 * wider than a row), with a hanging indent: later rows start under the text, not under the label.
 * Spaces inside a row are kept as typed (aligned columns stay aligned); a row break eats the
 * spaces it falls on. Returns the rows without trailing spaces; an empty paragraph gives one row
 * (the label alone).
 */
export function wrapText(text: string, width: number, options: WrapOptions = {}): string[] {
  const first = options.first ?? '';
  const rest = options.rest ?? ' '.repeat(cellWidth(first));
  const rows: string[] = [];
  let prefix = first;
  let row = '';
  const room = () => Math.max(1, width - cellWidth(prefix));
  const flush = () => {
    rows.push((prefix + row).trimEnd());
    prefix = rest;
    row = '';
  };
  // Words with the spaces before them: ["", "Open"], ["  ", "questions"] …
  const parts = text.trim().split(/(\s+)/);
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!;
    if (!word) continue;
    const space = i > 0 ? parts[i - 1]!.replace(/[\t\n\r]/g, ' ') : '';
    const candidate = row ? row + space + word : word;
    if (cellWidth(candidate) <= room()) {
      row = candidate;
      continue;
    }
    if (row) flush();
    if (cellWidth(word) <= room()) {
      row = word;
    } else if (options.breakLongWords) {
      let left = word;
      while (cellWidth(left) > room()) {
        row = chop(left, room())[0]!;
        left = left.slice(row.length);
        flush();
      }
      row = left;
    } else {
      row = word;
      flush();
    }
  }
  if (row || rows.length === 0) flush();
  return rows;
}

/** Shorten a string to `width` cells, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (cellWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  let out = '';
  for (const ch of text) {
    if (cellWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Wrap a block of text line by line for a terminal: each line keeps its leading spaces and list
 * marker ("- ", "• ", "* ") and its continuation rows hang under the text after them.
 */
export function wrapBlock(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (cellWidth(line) <= width) return line;
      const m = /^(\s*(?:[-•*] |#\d+ )?)(.*)$/.exec(line)!;
      return wrapText(m[2]!, width, { first: m[1]! }).join('\n');
    })
    .join('\n');
}
