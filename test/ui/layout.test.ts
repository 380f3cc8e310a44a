import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/report/wrap.js';
import { scoreScript } from '../../src/cli/score.js';
import { loadCatalog } from '../../src/scenario/registry.js';
import { briefingOf } from '../../src/report/briefing.js';
import { briefingLayout } from '../../src/ui/briefing-layout.js';
import { inputRows, lineRows, meetingLayout, statusRow } from '../../src/ui/meeting-layout.js';
import { pickerHelp, pickerLabel } from '../../src/ui/picker.js';
import { LEGEND, MOOD_GLYPHS, reportLayout } from '../../src/ui/report-layout.js';
import { fitRow, rowText, rowWidth, type Row } from '../../src/ui/rows.js';
import { UiStore } from '../../src/ui/store.js';

const cat = loadCatalog();
const engineer = cat.scenarios.find((s) => s.scenario.id === 'startup-engineer')!;
const show = (rows: Row[]) => rows.map(rowText);

describe('fitting rows to the terminal', () => {
  it('fitRow cuts with an ellipsis in the style where the cut falls', () => {
    expect(fitRow([{ text: 'Maya ' }, { text: '01:24', bold: true }], 20)).toEqual([{ text: 'Maya ' }, { text: '01:24', bold: true }]);
    expect(fitRow([{ text: 'Maya ' }, { text: '01:24 / 20:00', bold: true }], 9)).toEqual([{ text: 'Maya ' }, { text: '01:…', bold: true }]);
    expect(rowText(fitRow([{ text: '日本語テキスト' }], 7))).toBe('日本語…');
  });

  it('the status bar is one row that fits any width and always shows the clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 200 }), fc.constantFrom('engaged', 'impatient', 'neutral'), fc.boolean(), (width, mood, hints) => {
        const r = statusRow(width, { name: 'Christopher Montgomery-Okafor', clock: 754, minutes: 30, clockState: 'onTime', mood, hints });
        expect(rowWidth(r)).toBeLessThanOrEqual(width);
        expect(rowText(r)).toContain('12:34 / 30:00');
      }),
    );
  });

  it('the clock segment carries the clock colour', () => {
    const seg = (state: string) => statusRow(80, { name: 'Maya Okafor', clock: 1130, minutes: 20, clockState: state, mood: 'warm', hints: false }).find((s) => s.text.includes('18:50'));
    expect(seg('onTime')).toEqual({ text: '18:50 / 20:00', bold: true, inverse: true });
    expect(seg('lastMinutes')?.color).toBe('yellow');
    expect(seg('overtime')?.color).toBe('red');
    expect(seg('hardStop')?.color).toBe('red');
  });
});

describe('the input line', () => {
  const cursorAt = (rows: Row[]) => rows.flatMap((r) => r).find((s) => s.inverse)?.text;

  it('wraps at spaces under the text, the cursor an inverse cell', () => {
    const rows = inputRows({ text: 'what does a typical day look like', cursor: 5, killed: '' }, 20);
    expect(show(rows)).toEqual(['you> what does a ', '     typical day ', '     look like ']);
    expect(cursorAt(rows)).toBe('d');
    expect(rows[0]![0]).toEqual({ text: 'you> ', color: 'cyan' });
  });

  it('a word wider than the row is cut; wide characters take two cells', () => {
    expect(show(inputRows({ text: 'abcdefghijklmnopqrstuvwxyz', cursor: 26, killed: '' }, 15))).toEqual(['you> abcdefghij', '     klmnopqrst', '     uvwxyz ']);
    for (const r of inputRows({ text: '日本語のテキストを入力します', cursor: 0, killed: '' }, 15)) expect(rowWidth(r)).toBeLessThanOrEqual(15);
  });

  it('empty: the cursor then a dim placeholder', () => {
    expect(inputRows({ text: '', cursor: 0, killed: '' }, 80)).toEqual([[{ text: 'you> ', color: 'cyan' }, { text: ' ', inverse: true }, { text: 'ask a question, or /help', dim: true }]]);
  });

  it('never wider than the terminal, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '日', '👋', 'é') }), fc.integer({ min: 8, max: 120 }), fc.nat(), (text, width, c) => {
        const rows = inputRows({ text, cursor: Math.min(c, text.length), killed: '' }, width);
        for (const r of rows) expect(rowWidth(r)).toBeLessThanOrEqual(width);
        expect(rows.map(rowText).join('').replace(/ /g, '')).toContain(text.replace(/ /g, ''));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('conversation rows', () => {
  it('name in the gutter, continuation rows under the text, hint under the text', () => {
    const rows = lineRows({ who: 'user', text: 'Do you like the job you do every day at Routewise?', hint: 'closed question — try: What do you like most about it?' }, 'Maya', 40, true);
    expect(show(rows)).toEqual([
      'You    Do you like the job you do every',
      '       day at Routewise?',
      '       ↳ closed question — try: What do',
      '         you like most about it?',
    ]);
    expect(rows[0]![0]).toEqual({ text: 'You', bold: true, color: 'cyan' });
  });

  it('control characters typed by the user are never sent to the terminal', () => {
    expect(show(lineRows({ who: 'user', text: 'hi\u001b[2Jthere' }, 'Maya', 40, false))).toEqual(['You    hi\ufffdthere']);
  });
});

describe('the report card fits any terminal', () => {
  const poor = scoreScript('Do you like your job?\nAre you hiring?\nIs your team big?\nCan I send you my resume?\nWhere did you study?\n', engineer, 1).score;

  it('never taller or wider than asked; the headline is first and the keys last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 160 }), fc.integer({ min: 12, max: 60 }), fc.nat({ max: 20 }), (width, height, top) => {
        const l = reportLayout(poor, [], '/tmp/some/where/meeting.json', width, height, top);
        expect(l.rows.length).toBeLessThanOrEqual(height);
        for (const r of l.rows) expect(rowWidth(r)).toBeLessThanOrEqual(width);
        expect(rowText(l.rows[0]!)).toBe(`Your score: ${poor.total}/100`);
        expect(rowText(l.rows.at(-1)!)).toMatch(/^q quit/);
        expect(l.top).toBeLessThanOrEqual(l.maxTop);
      }),
    );
  });

  it('a total held below its dimensions\' sum says why under the headline, when there is room', () => {
    const model = readFileSync(new URL('../fixtures/scripts/model-meeting.txt', import.meta.url), 'utf8').trim().split('\n');
    const held = scoreScript(model.filter((_, i) => i !== 11).join('\n'), engineer, 1).score;
    expect(held.cap).toBeDefined();
    const l = reportLayout(held, [], undefined, 200, 40, 0);
    expect(show(l.rows).slice(0, 2)).toEqual(['Your score: 84/100', held.cap!.note]);
    for (const width of [20, 50, 80]) for (const r of reportLayout(held, [], undefined, width, 12, 0).rows) expect(rowWidth(r)).toBeLessThanOrEqual(width);
  });

  it('the legend names every glyph the timeline can show', () => {
    expect(LEGEND).toBe('● warm ◕ engaged ◑ neutral ◔ impatient ○ cold');
    expect(MOOD_GLYPHS.map(([m]) => m)).toEqual(['warm', 'engaged', 'neutral', 'impatient', 'cold']);
  });
});

describe('picker and briefing', () => {
  it('picker rows fit, and keep the contact\'s name as long as they can', () => {
    for (const width of [40, 50, 80, 120]) for (const l of cat.scenarios) expect(cellWidth(pickerLabel(l, width))).toBeLessThanOrEqual(width - 2);
    expect(pickerLabel(engineer, 80)).toBe('Software engineer at a startup · Maya Okafor            easy   20 min video  *');
    expect(pickerLabel(engineer, 50)).toBe('Software engineer at a startup · Maya…  20 min *');
    expect(pickerHelp('', 50)).toBe('↑/↓ · Enter · type to filter · q quits');
  });

  it('the briefing never outgrows the screen and keeps "Press Enter" on it', () => {
    for (const l of cat.scenarios) {
      for (const [w, h] of [[40, 12], [50, 16], [80, 24], [120, 40]] as const) {
        const b = briefingLayout(briefingOf(l.scenario), true, w, h - 1, 99);
        expect(b.rows.length).toBeLessThanOrEqual(h - 1);
        expect(b.rows.map(rowText).join(' ')).toMatch(/Press Enter to start, Esc to choose another\s+meeting\.$/);
      }
    }
  });
});

describe('the meeting screen fits its height', () => {
  it('a long paste shows the rows around the cursor, never more than the screen holds', () => {
    const store = new UiStore([engineer], { seed: 1, participant: null, typingMs: 0, columns: 80, rows: 24 }, engineer);
    store.start();
    store.edit({ name: 'text', text: 'word '.repeat(400), ctrl: false, meta: false, shift: false });
    const l = meetingLayout(store.getState(), 23);
    expect(l.input).toHaveLength(10);
    expect(l.input.at(-1)!.some((x) => x.inverse)).toBe(true);
    expect((l.pinned ? 1 : 0) + l.paneHeight + (l.indicator === 'typing' ? 1 : l.indicator.length) + l.input.length + 1).toBe(23);
  });
});
