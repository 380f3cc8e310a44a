import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { paneDraws } from '../../src/ui/Meeting.js';
import { CTRL_C, DOWN, ENTER, ESC, LEFT, PAGE_DOWN, PAGE_UP, RIGHT, UP, scenarios, settle, setup } from './harness.js';

const MODEL = [
  "Hi Maya, I'm Sam, a psychology graduate, and I'm hoping to learn what software engineering is really like.",
  "I know you have twenty minutes, so I'll keep an eye on the time.",
  'What does a typical day look like for you?',
  'How did you get into software engineering?',
  'What skills matter most in your job?',
  'What do you enjoy most about your work?',
  'What challenges does your team face?',
  'What advice would you give someone starting out?',
  'Is there anyone else you think I should talk to, and may I mention your name?',
];

/** The input line's rows as drawn (from "you>", or the end question, to the status bar). */
const inputOf = (frame: string) => {
  const rows = frame.split('\n');
  const at = rows.findIndex((r) => r.startsWith('you>') || r.startsWith('End the meeting?'));
  return at < 0 ? '' : rows.slice(at, -1).join('\n');
};

describe('briefing screen', () => {
  it('shows the contact, their profile, the meeting, what is scored and tips (exact frame, 100×24)', async () => {
    const { frame } = await setup();
    expect(frame()).toBe(
      [
        'Software engineer at a startup',
        'You are meeting Maya Okafor, Senior software engineer at Routewise, a 40-person startup that plans',
        'delivery routes (8 years in the field).',
        '20-minute video call · difficulty: easy',
        '',
        'Their public profile',
        ' • Studied mechanical engineering, then taught herself to program.',
        " • Worked four years at a large bank's payments team before Routewise.",
        ' • Leads the team that builds the route-planning service.',
        '',
        'You are scored on',
        ' • open questions (what / how / why) rather than yes/no ones',
        ' • time: acknowledge the 20 minutes, wrap up before the end',
        ' • never asking for a job, an opening or an interview',
        ' • asking who else you could talk to',
        '',
        'Tips',
        ' • Open with who you are and what you hope to learn.',
        ' • Their profile is public: build on it rather than asking for it.',
        ' • Near the end, ask for referrals, thank them and say what you will do next.',
        '',
        'Press Enter to start.',
      ].join('\n'),
    );
  });

  it('in a small terminal (50×16) it scrolls, bullets hang, and "Press Enter" stays on screen', async () => {
    const { frame, press } = await setup({ columns: 50, rows: 16 });
    expect(frame()).toBe(
      [
        'Software engineer at a startup',
        'You are meeting Maya Okafor, Senior software',
        'engineer at Routewise, a 40-person startup that',
        'plans delivery routes (8 years in the field).',
        '20-minute video call · difficulty: easy',
        '',
        'Their public profile',
        ' • Studied mechanical engineering, then taught',
        '   herself to program.',
        " • Worked four years at a large bank's payments",
        '   team before Routewise.',
        ' • Leads the team that builds the route-planning',
        '   service.',
        '↓ 17 more lines — ↓ or PgDn to read on',
        'Press Enter to start.',
      ].join('\n'),
    );
    await press(PAGE_DOWN + PAGE_DOWN + PAGE_DOWN);
    expect(frame()).toBe(
      [
        ' • time: acknowledge the 20 minutes, wrap up',
        '   before the end',
        ' • never asking for a job, an opening or an',
        '   interview',
        ' • asking who else you could talk to',
        '',
        'Tips',
        ' • Open with who you are and what you hope to',
        '   learn.',
        ' • Their profile is public: build on it rather',
        '   than asking for it.',
        ' • Near the end, ask for referrals, thank them and',
        '   say what you will do next.',
        '',
        'Press Enter to start.',
      ].join('\n'),
    );
  });
});

describe('scenario picker', () => {
  it('lists every scenario with its contact; the filter matches titles, contact names and fields', async () => {
    const { frame, press, store } = await setup({ selected: null });
    for (const s of scenarios) expect(frame()).toContain(`${s.scenario.title} · ${s.scenario.persona.name}`);
    await press('rosa');
    expect(frame()).toContain('Filter: rosa');
    expect(frame()).toContain('❯ Nonprofit program director over coffee · Rosa Delgado');
    expect(frame()).not.toContain('Software engineer');
    await press(ESC);
    expect(frame()).toMatch(/^Filter: {2}$/m); // the cursor cell after an empty filter
    await press('healthcare'); // the field, in no title
    expect(store.shown().map((s) => s.scenario.id)).toEqual(['nurse-manager']);
    await press(ENTER);
    expect(frame()).toMatch(/^Nurse manager on a short phone call\nYou are meeting Gloria Mensah/);
    await press(ESC); // back to the picker
    expect(frame()).toContain('Choose a practice meeting');
  });

  it('in a wide terminal the columns stay together (120×40, exact rows)', async () => {
    const { lines } = await setup({ selected: null, columns: 120, rows: 40 });
    expect(lines().slice(5)).toEqual([
      '❯ Software engineer at a startup · Maya Okafor            easy   20 min video  *',
      '  Communications director at a museum · Julien Park       medium 20 min office',
      '  Financial analyst at an asset manager · Priya Raman     medium 30 min video',
      '  Nonprofit program director over coffee · Rosa Delgado   easy   25 min coffee',
      '  Nurse manager on a short phone call · Gloria Mensah     hard   15 min phone',
      '  Policy analyst in city government · Daniel Whitfield    medium 20 min video',
    ]);
  });

  it('Down Down in one read moves two rows; Up moves back; Enter opens that briefing', async () => {
    const { frame, press } = await setup({ selected: null, columns: 80 });
    expect(frame()).toContain('❯ Software engineer at a startup');
    await press(DOWN + DOWN);
    expect(frame()).toContain('❯ Financial analyst at an asset manager · Priya Raman');
    await press(UP);
    expect(frame()).toContain('❯ Communications director at a museum · Julien Park');
    await press(ENTER);
    expect(frame()).toMatch(/^Communications director at a museum\n/);
  });

  it('q quits on an empty filter (and is typed into a filter that has text); Esc quits on an empty filter', async () => {
    const a = await setup({ selected: null });
    await a.press('nq');
    expect(a.frame()).toContain('Filter: nq');
    expect(a.store.getState().quit).toBe(false);
    await a.press('\u007f\u007f');
    await a.press('q');
    expect(a.store.getState()).toMatchObject({ quit: true, exitCode: 0 });
    const b = await setup({ selected: null });
    await b.press(ESC);
    expect(b.store.getState()).toMatchObject({ quit: true, exitCode: 0 });
  });
});

describe('meeting screen: typing', () => {
  it('a whole short meeting by keystrokes: replies, clock, hints (Tab), /help, /end, report', async () => {
    const { frame, say, press, store, savePath } = await setup();
    await press(ENTER); // start from the briefing
    expect(frame()).toMatch(/^Maya {3}Hi! Good to meet you/);
    expect(frame()).toContain('Maya Okafor · 00:00 / 20:00 · mood: engaged · hints off (Tab) · /help');

    await say('What does a typical day look like for you?');
    expect(frame()).toContain('You    What does a typical day look like for you?');
    expect(frame()).toContain('Maya   Mornings are for deep work');
    expect(frame()).toContain('01:24 / 20:00');

    await press('\t');
    expect(frame()).toContain('hints on (Tab)');
    await press('Do you like your job?');
    expect(frame()).toContain('↳ closed question — try: What do you like most about your job?');
    await press(ENTER);
    expect(store.getState().lines.at(-2)).toMatchObject({ who: 'user', hint: 'closed question — try: What do you like most about your job?' });

    await say('/help');
    expect(frame()).toContain('  /end    end the meeting and see your report');
    expect(frame()).toContain('  /notes  what the contact has told you so far, by topic, and any names they gave');
    expect(frame()).toContain('  Keys: Esc clears the line');

    await say('/end');
    expect(frame()).toMatch(/^Your score: \d+\/100\nthe meeting ended when you left at 01:42 of 20:00/);
    expect(frame()).toContain(`Transcript saved to ${savePath}`);
    expect(JSON.parse(readFileSync(savePath, 'utf8')).ended).toEqual({ reason: 'user', clock: 102 });
  });

  it('text and Enter arriving in one read (a paste) are said, not lost', async () => {
    const { frame, press } = await setup();
    await press(ENTER);
    await press(`What does a typical day look like for you?${ENTER}`);
    expect(frame()).toContain('You    What does a typical day look like for you?');
    expect(frame()).toContain('Maya   Mornings are for deep work');
  });

  it('typing on the briefing starts the meeting and keeps what was typed', async () => {
    const { frame, press } = await setup();
    await press('What does a typical day look like for you?');
    expect(frame()).toContain('you> What does a typical day look like for you?');
    await press(ENTER);
    expect(frame()).toContain('You    What does a typical day look like for you?');
    expect(frame()).toContain('Maya   Mornings are for deep work');
  });

  it('every key of a burst counts: text, five Lefts and more text in one read', async () => {
    const { frame, press, store } = await setup();
    await press(ENTER);
    await press(`hello world${LEFT.repeat(5)}big `);
    expect(inputOf(frame())).toBe('you> hello big world');
    await press(`${RIGHT.repeat(2)}\u007f\u007f${LEFT}`);
    expect(inputOf(frame())).toBe('you> hello big rld');
    expect(store.getState().draft).toMatchObject({ text: 'hello big rld', cursor: 9 });
  });

  // Each line-editing key, typed into the real screen. The cursor is the inverse cell; the
  // result is checked by typing a marker "|" where the cursor is.
  const keys: Array<[string, string, string]> = [
    ['Ctrl-A goes to the start', 'what is it\u0001', '|what is it'],
    ['Ctrl-E goes to the end', 'what is it\u0001\u0005', 'what is it|'],
    ['Home goes to the start', 'what is it\u001b[H', '|what is it'],
    ['End goes to the end', 'what is it\u001b[H\u001b[F', 'what is it|'],
    ['Ctrl-U kills to the start', `what is it${LEFT.repeat(2)}\u0015`, '|it'],
    ['Ctrl-K kills to the end', `what is it${LEFT.repeat(2)}\u000b`, 'what is |'],
    ['Ctrl-W kills the word before', 'what is it\u0017', 'what is |'],
    ['Ctrl-Left moves a word left', 'what is it\u001b[1;5D\u001b[1;5D', 'what |is it'],
    ['Ctrl-Right moves a word right', 'what is it\u0001\u001b[1;5C', 'what| is it'],
    ['Alt-Left moves a word left', 'what is it\u001b[1;3D', 'what is |it'],
    ['Alt-Right moves a word right', 'what is it\u0001\u001b[1;3C\u001b[1;3C', 'what is| it'],
    ['Alt-B and Alt-F move by word', 'what is it\u001bb\u001bb\u001bf', 'what is| it'],
    ['Alt-Backspace kills the word before', 'what is it\u001b\u007f', 'what is |'],
    ['Delete removes the character under the cursor', `what is it${LEFT.repeat(2)}\u001b[3~`, 'what is |t'],
  ];
  it.each(keys)('%s', async (_name, input, expected) => {
    const { press, store } = await setup();
    await press(ENTER);
    await press(`${input}|`);
    expect(store.getState().draft.text).toBe(expected);
  });

  it('the input line wraps under its text and "you> " keeps its space (80 columns)', async () => {
    const { frame, press } = await setup({ columns: 80 });
    await press(ENTER);
    await press('This is a long question that I am typing to see how the input line wraps when it gets longer than the width');
    expect(inputOf(frame())).toBe(
      // The cursor is the inverse cell after the text.
      ['you> This is a long question that I am typing to see how the input line wraps', '     when it gets longer than the width '].join('\n'),
    );
  });

  it('input typed while the contact is typing is kept, and Enter then says it when they finish', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const { frame, press, store } = await setup({ typingMs: 700 });
      await press(ENTER);
      await press('What does a typical day look like for you?');
      await press(ENTER);
      expect(frame()).toContain('Maya is typing…');
      await press('How did you get into software engineering?');
      expect(frame()).toContain('Maya is typing…');
      expect(inputOf(frame())).toBe('you> How did you get into software engineering? ');
      await press(ENTER);
      expect(frame()).toContain('Maya is typing… your line goes next');
      vi.advanceTimersByTime(700);
      await settle();
      // The first reply arrived and the queued line was said at once.
      expect(frame()).toContain('Maya   Mornings are for deep work');
      expect(frame()).toContain('You    How did you get into software engineering?');
      expect(frame()).toContain('Maya is typing…');
      vi.advanceTimersByTime(700);
      await settle();
      expect(frame()).toContain('Maya   Not a straight line.');
      expect(store.transcript()!.turns.filter((t) => t.speaker === 'user')).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('meeting screen: Esc, Ctrl-C and commands', () => {
  it('Esc clears a half-typed line and the meeting goes on', async () => {
    const { frame, press, say } = await setup();
    await press(ENTER);
    await press('What does a ty');
    await press(ESC);
    expect(inputOf(frame())).toBe('you>  ask a question, or /help');
    expect(frame()).toContain('mood: engaged');
    await say('What does a typical day look like for you?');
    expect(frame()).toContain('Maya   Mornings are for deep work');
  });

  it('Esc on an empty line asks "End the meeting? (y/n)": n (or Esc) goes back, y ends it', async () => {
    const { frame, press, store } = await setup();
    await press(ENTER);
    await press(ESC);
    expect(inputOf(frame())).toBe('End the meeting? (y/n) your transcript is saved either way');
    await press('n');
    expect(inputOf(frame())).toBe('you>  ask a question, or /help');
    await press(ESC);
    await press(ESC);
    expect(inputOf(frame())).toBe('you>  ask a question, or /help');
    await press(ESC);
    await press('y');
    expect(frame()).toMatch(/^Your score: \d+\/100/);
    expect(store.transcript()?.ended?.reason).toBe('user');
  });

  it('Ctrl-C ends the meeting safely and quits with 130; q on the report quits with 0; r plays again', async () => {
    const a = await setup();
    await a.press(ENTER);
    await a.say('How did you get into software engineering?');
    await a.press(CTRL_C);
    expect(a.store.getState()).toMatchObject({ quit: true, exitCode: 130 });
    expect(a.store.transcript()?.ended?.reason).toBe('user');
    expect(JSON.parse(readFileSync(a.savePath, 'utf8')).turns).toHaveLength(3);

    const b = await setup();
    await b.press(ENTER);
    await b.say('/end');
    await b.press('r');
    expect(b.frame()).toMatch(/^Software engineer at a startup\nYou are meeting/);
    await b.press(ENTER);
    expect(b.frame()).toContain('Maya Okafor · 00:00 / 20:00');
    await b.say('/end');
    await b.press('q');
    expect(b.store.getState()).toMatchObject({ quit: true, exitCode: 0 });
    const finished = b.store.getState().finished;
    expect(finished.map((f) => f.savedTo)).toEqual([b.savePath, expect.stringMatching(/startup-engineer-sam.*\.json$/)]);
    // The second meeting is saved in the default place, which tests point at a temporary folder.
    expect(finished[1]!.savedTo!.startsWith(process.env.XDG_DATA_HOME!)).toBe(true);
  });

  it('an unknown /command is answered and never said to the contact', async () => {
    const { frame, say, store } = await setup();
    await say('');
    await say('/hlep');
    expect(frame()).toContain('  /hlep: unknown command — /help lists them');
    expect(store.transcript()!.turns.filter((t) => t.speaker === 'user')).toHaveLength(0);
  });

  it('when the contact ends the meeting, Enter shows the report', async () => {
    const { frame, say, press } = await setup();
    await press(ENTER);
    await say('What does a typical day look like for you?');
    await say("Thank you so much, I'll send you a note next week.");
    expect(frame()).toContain('The meeting is over. Press Enter for your report.');
    expect(inputOf(frame())).toBe('you> (meeting over — Enter for your report)');
    await press(ENTER);
    expect(frame()).toMatch(/^Your score: \d+\/100\nthe meeting ended gracefully/);
  });
});

describe('meeting limits', () => {
  it('a transcript at its size limit ends the meeting with a notice, and Enter shows the report', async () => {
    const { frame, press, say, store } = await setup({ maxTranscriptBytes: 4000 });
    await press(ENTER);
    for (let i = 0; i < 10 && !store.getState().ended; i++) await say('What does a typical day look like for you?');
    expect(frame()).toContain('The transcript reached its size limit; the meeting is over. Press Enter for your report.');
    await press(ENTER);
    expect(frame()).toMatch(/^Your score: \d+\/100/);
  });
});

describe('meeting screen: reading back', () => {
  it('PageUp/PageDown move through the whole meeting with a marker; a new reply brings the view down (80×24)', async () => {
    const { frame, lines, press, say } = await setup({ columns: 80 });
    await press(ENTER);
    for (const l of MODEL.slice(0, 7)) await say(l);
    expect(frame()).not.toContain('Hi! Good to meet you');
    expect(lines()).toHaveLength(23);
    await press(PAGE_UP);
    expect(frame()).toMatch(/↓ \d+ more lines below — PgDn to scroll down/);
    for (let i = 0; i < 5; i++) await press(PAGE_UP);
    expect(lines()[0]).toBe("Maya   Hi! Good to meet you. I've got about twenty minutes before my next call —");
    expect(frame()).toContain('Maya   Mornings are for deep work');
    for (let i = 0; i < 8; i++) await press(PAGE_DOWN);
    expect(frame()).not.toContain('more lines below');
    await press(PAGE_UP + UP + UP);
    expect(frame()).toContain('more lines below');
    await say(MODEL[7]!);
    expect(frame()).not.toContain('more lines below');
    expect(frame()).toContain('Maya   Build one thing end to end');
  });

  it('Up/Down scroll a row, and the mouse wheel (SGR and X10 reports) scrolls three', async () => {
    const { frame, press, say, store } = await setup({ columns: 80 });
    await press(ENTER);
    for (const l of MODEL.slice(0, 5)) await say(l);
    await press(UP);
    expect(store.getState().scroll).toBe(1);
    expect(frame()).toContain('↓ 1 more line below');
    await press('\u001b[<64;10;5M\u001b[<64;10;5M');
    expect(store.getState().scroll).toBe(7);
    await press('\u001b[Ma!!');
    expect(store.getState().scroll).toBe(4);
    await press(DOWN + DOWN + DOWN + DOWN);
    expect(store.getState().scroll).toBe(0);
    expect(frame()).not.toContain('more line');
  });

  it('continuation rows hang under the text; long words are cut only when wider than a row (50 columns)', async () => {
    const { lines, press, say } = await setup({ columns: 50, rows: 16 });
    await press(ENTER);
    await say('How did you get into software engineering? I studied supercalifragilisticexpialidociousnessology');
    const rows = lines();
    const at = rows.findIndex((r) => r.startsWith('You'));
    expect(rows.slice(at, at + 3)).toEqual(['You    How did you get into software engineering?', '       I studied', '       supercalifragilisticexpialidociousnessology']);
    expect(rows.slice(at + 3, at + 5)).toEqual(['Maya   Not a straight line. I trained as a', '       mechanical engineer and kept writing little']);
  });

  it('/notes shows what the contact said by topic; Esc closes it; referral names stay pinned once given', async () => {
    const { frame, lines, press, say } = await setup({ columns: 80 });
    await press(ENTER);
    for (const l of MODEL.slice(0, 4)) await say(l);
    await say('/notes');
    expect(lines().slice(0, 5)).toEqual([
      'Notes — PgUp/PgDn to scroll, Esc or /notes to close',
      'What Maya has told you so far:',
      '  - Typical day: Mornings are for deep work: I block nine to twelve for writing',
      "    code and reviewing other people's. After lunch it's people time — a planning",
      '    meeting, a design discussion, pairing with a newer engineer. Once a week I\'m',
    ]);
    expect(frame()).toContain('  - Path: Not a straight line.');
    await press(ESC);
    expect(frame()).not.toContain('Notes —');
    expect(frame()).toContain('Maya   Not a straight line.');
    expect(frame()).not.toContain('Names to contact');
    for (const l of MODEL.slice(4)) await say(l);
    expect(lines()[0]).toBe('Names to contact: Daniel Reyes · Sofia Lindqvist');
    await say('What else should I read?');
    expect(lines()[0]).toBe('Names to contact: Daniel Reyes · Sofia Lindqvist');
  });
});

describe('meeting screen: layout', () => {
  it('the status bar stays on one row below 80 columns, dropping the least useful parts first', async () => {
    // The bar is drawn inverse, so its last space shows.
    for (const [columns, bar] of [
      [100, ' Maya Okafor · 00:00 / 20:00 · mood: engaged · hints off (Tab) · /help '],
      [70, ' Maya Okafor · 00:00 / 20:00 · mood: engaged · hints off (Tab) '],
      [50, ' Maya · 00:00 / 20:00 · mood: engaged · hints off '],
      [45, ' Maya · 00:00 / 20:00 · mood: engaged '],
      [36, ' Maya · 00:00 / 20:00 · engaged '],
      [24, ' 00:00 / 20:00 '],
    ] as const) {
      const { lines, press } = await setup({ columns, rows: 16 });
      await press(ENTER);
      expect(lines().at(-1)).toBe(bar);
      expect(lines()).toHaveLength(15);
    }
  });

  it('only the input line redraws while typing: the conversation pane is not drawn again', async () => {
    const { press, say, frame } = await setup({ columns: 80 });
    await press(ENTER);
    await say('What does a typical day look like for you?');
    const before = paneDraws.count;
    for (const ch of 'How did you get into this?') await press(ch);
    await press(LEFT + LEFT + '\u007f');
    expect(paneDraws.count).toBe(before);
    expect(inputOf(frame())).toBe('you> How did you get into ths?');
    await press(ENTER);
    expect(paneDraws.count).toBeGreaterThan(before);
  });

  it('the clock is bold, amber in the last minutes and red in overtime; NO_COLOR turns colour off', async () => {
    vi.stubEnv('NO_COLOR', '');
    try {
      const { ui, press, store } = await setup();
      await press(ENTER);
      const status = () => (ui.lastFrame() ?? '').split('\n').at(-1)!;
      expect(status()).toContain('\u001b[1m00:00 / 20:00\u001b[22m');
      store['set']({ clockState: 'lastMinutes' });
      await settle();
      expect(status()).toContain('\u001b[1m\u001b[33m00:00 / 20:00\u001b[39m\u001b[22m');
      store['set']({ clockState: 'overtime' });
      await settle();
      expect(status()).toContain('\u001b[1m\u001b[31m00:00 / 20:00\u001b[39m\u001b[22m');
      vi.stubEnv('NO_COLOR', '1');
      store['set']({ clock: 1 });
      await settle();
      expect(status()).not.toMatch(new RegExp(`${ESC}\\[3\\dm`));
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('report card (80×24)', () => {
  const POOR = ['Do you like your job?', 'Are you hiring?', 'Is your team big?', 'Can I send you my resume?', 'Where did you study?', 'Do you work remotely?'];

  it('a one-question meeting: headline, a bar and advice per dimension, notes, timeline with every glyph, path (exact frame)', async () => {
    const { frame, lines, press, say, savePath } = await setup({ columns: 80 });
    await press(ENTER);
    await say('Are you hiring?');
    await say('/end');
    expect(frame()).toBe(
      [
        'Your score: 0/100',
        'the meeting ended when you left at 00:16 of 20:00',
        '',
        'Open questions   ░░░░░░░░░░░░░░░░░░░░  0/30',
        '  You asked 0 real questions; 5 or more open ones use the meeting well.',
        'Time discipline  ░░░░░░░░░░░░░░░░░░░░  0/15',
        '  Say in your first turns (within 3 turns or 5 minutes) that you will keep to t…',
        'No job ask       ░░░░░░░░░░░░░░░░░░░░  0/20',
        '  You asked for a job or an opening at 00:00. Never ask for a job, an opening o…',
        'Referrals        ░░░░░░░░░░░░░░░░░░░░  0/10',
        '  Before you leave, ask "Is there anyone else you think I should talk to?"',
        'Professionalism  ░░░░░░░░░░░░░░░░░░░░  0/25',
        '  Open with who you are and what you hope to learn: "I\'m Sam, and I\'m hoping to…',
        '',
        'What cost points · 1–2 of 2',
        '#1 00:00 "Are you hiring?"',
        '   This is a job ask: it turns the conversation into an application. Ask for',
        '   advice instead. Try: "What would you do in my position to become a strong',
        '   candidate in this field?"',
        '#1 00:00 "Are you hiring?"',
        'Timeline 00:00 ◕◑ 00:16  ● warm ◕ engaged ◑ neutral ◔ impatient ○ cold',
        `Transcript saved to ${savePath}`,
        'q quit · r play again · ↑/↓ PgUp/PgDn scroll the notes',
      ].join('\n'),
    );
    expect(lines()).toHaveLength(23);
  });

  it('many notes: the list scrolls by note under a headline that stays on the first row (exact frames)', async () => {
    const { frame, lines, press, say, savePath } = await setup({ columns: 80 });
    await press(ENTER);
    for (const l of POOR) await say(l);
    await say('/end');
    const head = [
      'Your score: 8/100',
      'the meeting ended when you left at 01:23 of 20:00',
      '',
      'Open questions   █░░░░░░░░░░░░░░░░░░░  2/30',
      '  You asked 4 real questions; 5 or more open ones use the meeting well.',
      'Time discipline  ████████░░░░░░░░░░░░  6/15',
      '  Say in your first turns (within 3 turns or 5 minutes) that you will keep to t…',
      'No job ask       ░░░░░░░░░░░░░░░░░░░░  0/20',
      '  You asked for a job or an opening at 00:18. Never ask for a job, an opening o…',
      'Referrals        ░░░░░░░░░░░░░░░░░░░░  0/10',
      '  Before you leave, ask "Is there anyone else you think I should talk to?"',
      'Professionalism  ░░░░░░░░░░░░░░░░░░░░  0/25',
      '  Open with who you are and what you hope to learn: "I\'m Sam, and I\'m hoping to…',
      '',
    ];
    const tail = [
      'Timeline 00:00 ◕◕◑◑○○○ 01:23  ● warm ◕ engaged ◑ neutral ◔ impatient ○ cold',
      `Transcript saved to ${savePath}`,
      'q quit · r play again · ↑/↓ PgUp/PgDn scroll the notes',
    ];
    expect(frame()).toBe(
      [
        ...head,
        'What cost points · 1–2 of 7',
        '#1 00:00 "Do you like your job?"',
        '   Closed question: it invites a one-word answer. Try: "What do you like most',
        '   about your job?"',
        '#1 00:00 "Do you like your job?"',
        '   Open by saying who you are and what you hope to learn. Try: "I\'m Sam, and I\'m',
        ...tail,
      ].join('\n'),
    );
    await press(DOWN);
    expect(frame()).toBe(
      [
        ...head,
        'What cost points · 2–3 of 7',
        '#1 00:00 "Do you like your job?"',
        '   Open by saying who you are and what you hope to learn. Try: "I\'m Sam, and I\'m',
        '   hoping to learn what this work is really like."',
        '#2 00:18 "Are you hiring?"',
        '   This is a job ask: it turns the conversation into an application. Ask for',
        ...tail,
      ].join('\n'),
    );
    await press(PAGE_DOWN.repeat(6));
    expect(frame()).toBe(
      [
        ...head,
        'What cost points · 7 of 7',
        '#6 01:10 "Do you work remotely?"',
        '   Closed question: it invites a one-word answer. Try: "How do you split your',
        '   work between home and the office?"',
        ...tail,
      ].join('\n'),
    );
    await press('\u001b[<64;1;1M'); // the wheel scrolls the list too
    expect(lines()[14]).toBe('What cost points · 4–5 of 7');
    expect(lines()[0]).toMatch(/^Your score: \d+\/100$/);
  });

  it('a clean meeting: nothing cost points (exact frame)', async () => {
    const { frame, press, say, savePath } = await setup({ columns: 80 });
    await press(ENTER);
    for (const l of [...MODEL, "I see we're almost at time, so let me wrap up.", "Thank you so much, I'll send you a note after I talk to them."]) await say(l);
    await press(ENTER);
    expect(frame()).toBe(
      [
        'Your score: 77/100',
        'the meeting ended gracefully at 10:30 of 20:00',
        '',
        'Open questions   ███████████░░░░░░░░░ 17/30',
        '  Good open questions. Build on an answer once in a while: "You mentioned …; ho…',
        'Time discipline  ████████████████████ 15/15',
        '  Good time discipline: you named the time early and finished within it.',
        'No job ask       ████████████████████ 20/20',
        '  You kept it about learning, not a job, through 6 questions. Good.',
        'Referrals        ████████████████████ 10/10',
        '  Well done: you asked for referrals at the right moment and settled whose name…',
        'Professionalism  ████████████░░░░░░░░ 15/25',
        '  Before you thank them, sum up what you learned in a sentence: it shows you li…',
        '',
        'What cost points',
        'Nothing — well done.',
        'Timeline 00:00 ◕◕◕◕◕●●●●●●● 10:30  ● warm ◕ engaged ◑ neutral ◔ impatient ○ cold',
        `Transcript saved to ${savePath}`,
        'q quit · r play again',
      ].join('\n'),
    );
  });

  it('at 50×16 the headline, every bar, a note and the keys still fit; advice gives way first', async () => {
    const { frame, lines, press, say } = await setup({ columns: 50, rows: 16 });
    await press(ENTER);
    for (const l of POOR) await say(l);
    await say('/end');
    expect(frame()).toBe(
      [
        'Your score: 8/100',
        'the meeting ended when you left at 01:23 of 20:00',
        'Open questions   █░░░░░░░░░░░░░░░░░░░  2/30',
        'Time discipline  ████████░░░░░░░░░░░░  6/15',
        'No job ask       ░░░░░░░░░░░░░░░░░░░░  0/20',
        'Referrals        ░░░░░░░░░░░░░░░░░░░░  0/10',
        'Professionalism  ░░░░░░░░░░░░░░░░░░░░  0/25',
        'What cost points · 1–2 of 7',
        '#1 00:00 "Do you like your job?"',
        '   Closed question: it invites a one-word answer.',
        '   Try: "What do you like most about your job?"',
        '#1 00:00 "Do you like your job?"',
        'Timeline 00:00 ◕◕◑◑○○○ 01:23',
        '● warm ◕ engaged ◑ neutral ◔ impatient ○ cold',
        'q quit · r play again · ↑/↓ notes',
      ].join('\n'),
    );
    expect(lines()).toHaveLength(15);
  });
});
