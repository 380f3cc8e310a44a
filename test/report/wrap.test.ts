import { describe, expect, it } from 'vitest';
import { cellWidth, truncate, wrapBlock, wrapText } from '../../src/report/wrap.js';

describe('wrapping for terminals', () => {
  it('wraps at spaces with a hanging indent under the text, not the label', () => {
    expect(wrapText('Mornings are for deep work: I block nine to twelve', 24, { first: '[00:16] Maya: ' })).toEqual([
      '[00:16] Maya: Mornings',
      '              are for',
      '              deep work:',
      '              I block',
      '              nine to',
      '              twelve',
    ]);
  });

  it('never cuts a word unless asked; a long path stays whole on its own row', () => {
    const path = '/home/someone/.local/share/coffeechat/sessions/2026-11-22T09-30-00.json';
    expect(wrapText(`saved to ${path}`, 20)).toEqual(['saved to', path]);
    expect(wrapText('abcdefghij', 4, { breakLongWords: true })).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('ab abcdefghij', 6, { first: '> ', breakLongWords: true })).toEqual(['> ab', '  abcd', '  efgh', '  ij']);
  });

  it('counts wide characters as two cells and ignores colour codes', () => {
    expect(cellWidth('日本')).toBe(4);
    expect(cellWidth('\u001b[1mab\u001b[22m')).toBe(2);
    expect(wrapText('日本 日本 日本', 9)).toEqual(['日本 日本', '日本']);
    expect(wrapText('one two', 6, { first: '\u001b[36myou:\u001b[39m ' })).toEqual(['\u001b[36myou:\u001b[39m one', '     two']);
  });

  it('keeps the spaces inside a row (aligned columns stay aligned); a break eats them', () => {
    expect(wrapText('/end    end the meeting and see your report', 30, { first: '  ' })).toEqual(['  /end    end the meeting and', '  see your report']);
  });

  it('an empty paragraph is the label alone', () => {
    expect(wrapText('', 10, { first: 'you> ' })).toEqual(['you>']);
  });

  it('truncates to a width with an ellipsis', () => {
    expect(truncate('Maya Okafor', 20)).toBe('Maya Okafor');
    expect(truncate('Maya Okafor', 6)).toBe('Maya…');
    expect(truncate('Maya', 1)).toBe('…');
  });

  it('blocks keep each line\'s indent and list marker', () => {
    const text = 'Tips:\n  - Open with who you are and what you hope to learn.\n  #3 00:40 "Are you hiring right now?"\nshort';
    expect(wrapBlock(text, 30)).toBe(
      ['Tips:', '  - Open with who you are and', '    what you hope to learn.', '  #3 00:40 "Are you hiring', '     right now?"', 'short'].join('\n'),
    );
  });
});
