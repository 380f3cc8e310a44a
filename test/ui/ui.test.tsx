import { render } from 'ink-testing-library';
import { act } from 'react';
import { stripVTControlCharacters as strip } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/scenario/registry.js';
import { App } from '../../src/ui/App.js';
import { ClockView } from '../../src/ui/Meeting.js';
import { UiStore } from '../../src/ui/store.js';

// React's act() runs each keystroke to completion — the render and the effects that re-attach
// Ink's input handlers — so no test waits a fixed time for the UI to catch up.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const cat = loadCatalog();
const engineer = cat.scenarios.find((s) => s.scenario.id === 'startup-engineer')!;
const ENTER = '\r';

/** Render the app, settled; `press` sends keys and lets the UI settle. */
async function mount(store: UiStore) {
  let ui!: ReturnType<typeof render>;
  await act(async () => {
    ui = render(<App store={store} />);
  });
  const frame = () => strip(ui.lastFrame() ?? '');
  const press = async (keys: string) => {
    await act(async () => {
      ui.stdin.write(keys);
    });
  };
  return { ui, frame, press };
}

async function setup(selected = engineer) {
  const dir = mkdtempSync(join(tmpdir(), 'cc-ui-'));
  const savePath = join(dir, 'meeting.json');
  const store = new UiStore(cat.scenarios, { seed: 1, participant: 'Sam', savePath, typingMs: 0 }, selected);
  const { ui, frame, press } = await mount(store);
  const type = async (text: string) => {
    await press(text);
    await press(ENTER);
  };
  return { store, ui, frame, press, type, savePath };
}

describe('briefing screen', () => {
  it('shows the contact, their profile, the meeting, what is scored and tips (exact frame)', async () => {
    const { frame } = await setup();
    expect(frame()).toBe(
      [
        'Software engineer at a startup',
        // Ink leaves the space it wrapped at on the first line.
        'You are meeting Maya Okafor, Senior software engineer at Routewise, a 40-person startup that plans ',
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
});

describe('scenario picker', () => {
  it('lists every scenario, filters as you type, and Enter opens the briefing', async () => {
    const store = new UiStore(cat.scenarios, { seed: 1, participant: null, typingMs: 0 });
    const { frame, press } = await mount(store);
    for (const s of cat.scenarios) expect(frame()).toContain(s.scenario.title);
    await press('policy');
    expect(frame()).toContain('Filter: policy');
    expect(frame()).toContain('Policy analyst in city government');
    expect(frame()).not.toContain('Nurse manager');
    await press(ENTER);
    expect(frame()).toMatch(/^Policy analyst in city government\nYou are meeting Daniel Whitfield/);
    await press('\u001b'); // Esc goes back to the picker
    expect(frame()).toContain('Choose a practice meeting');
  });
});

describe('meeting screen', () => {
  it('a whole short meeting by keystrokes: replies, clock, hints (Tab), /help, /end, report', async () => {
    const { frame, type, press, store, savePath } = await setup();
    await press(ENTER); // start from the briefing
    expect(frame()).toMatch(/^Maya {3}Hi! Good to meet you/);
    expect(frame()).toContain('Maya Okafor · 00:00 / 20:00 · mood: engaged · hints off (Tab) · /help');

    await type('What does a typical day look like for you?');
    expect(frame()).toContain('You    What does a typical day look like for you?');
    expect(frame()).toContain('Maya   Mornings are for deep work');
    expect(frame()).toContain('01:24 / 20:00');

    await press('\t');
    expect(frame()).toContain('hints on (Tab)');
    await press('Do you like your job?');
    expect(frame()).toContain('↳ closed question — try: What do you like most about your job?');
    await press(ENTER);
    expect(store.getState().lines.at(-2)).toMatchObject({ who: 'user', hint: 'closed question — try: What do you like most about your job?' });

    await type('/help');
    expect(frame()).toContain('Commands: /end ends the meeting and shows your report');

    await type('/end');
    expect(frame()).toMatch(/^Your score: \d+\/100\nthe meeting ended when you left at 01:40 of 20:00/);
    expect(frame()).toContain(`Transcript saved to ${savePath}`);
    expect(JSON.parse(readFileSync(savePath, 'utf8')).ended).toEqual({ reason: 'user', clock: 100 });
  });

  it('text and Enter arriving together (a paste) are said, not lost', async () => {
    const { frame, ui, press } = await setup();
    await press(ENTER);
    // Two chunks in the same tick, before React re-renders: as Ink splits a paste ending in Enter.
    await act(async () => {
      ui.stdin.write('What does a typical day look like for you?');
      ui.stdin.write(ENTER);
    });
    expect(frame()).toContain('You    What does a typical day look like for you?');
    expect(frame()).toContain('Maya   Mornings are for deep work');
  });

  it('the clock turns amber in the last minutes and red in overtime', () => {
    const colour = (state: string) => render(<ClockView clock={1130} minutes={20} state={state} />).lastFrame() ?? '';
    expect(colour('onTime')).toBe('\u001b[1m18:50 / 20:00\u001b[22m');
    expect(colour('lastMinutes')).toContain('\u001b[33m');
    expect(colour('overtime')).toContain('\u001b[31m');
    expect(colour('hardStop')).toContain('\u001b[31m');
  });

  it('Esc ends the meeting safely and shows the report; r plays again; q quits', async () => {
    const { frame, type, press, store } = await setup();
    await press(ENTER);
    await type('How did you get into software engineering?');
    await press('\u001b');
    expect(frame()).toMatch(/^Your score:/);
    await press('r');
    expect(frame()).toMatch(/^Software engineer at a startup\nYou are meeting/);
    await press(ENTER);
    expect(frame()).toContain('Maya Okafor · 00:00 / 20:00');
    // The second meeting gets a fresh default file: in the test's XDG_DATA_HOME, never ~/.local/share.
    expect(store.getState().savedTo?.startsWith(join(process.env.XDG_DATA_HOME!, 'coffeechat', 'sessions'))).toBe(true);
    await press('\u0003'); // Ctrl-C
    expect(store.getState().quit).toBe(true);
    expect(store.transcript()?.ended?.reason).toBe('user');
  });

  it('when the contact ends the meeting, Enter shows the report', async () => {
    const { frame, type, press } = await setup();
    await press(ENTER);
    await type('What does a typical day look like for you?');
    await type("Thank you so much, I'll send you a note next week.");
    expect(frame()).toContain('The meeting is over. Press Enter for your report.');
    await press(ENTER);
    expect(frame()).toMatch(/^Your score: \d+\/100\nthe meeting ended gracefully/);
  });
});

describe('meeting limits', () => {
  it('a transcript at its size limit ends the meeting with a notice, and Enter shows the report', async () => {
    const store = new UiStore(cat.scenarios, { seed: 1, participant: 'Sam', typingMs: 0, maxTranscriptBytes: 4000, savePath: join(mkdtempSync(join(tmpdir(), 'cc-ui-')), 'm.json') }, engineer);
    const { frame, press } = await mount(store);
    await press(ENTER);
    for (let i = 0; i < 10 && !store.getState().ended; i++) {
      await press('What does a typical day look like for you?');
      await press(ENTER);
    }
    expect(frame()).toContain('The transcript reached its size limit; the meeting is over. Press Enter for your report.');
    await press(ENTER);
    expect(frame()).toMatch(/^Your score: \d+\/100/);
  });
});

describe('report card', () => {
  it('shows the total, a bar per dimension, what cost points, a timeline and the save path (exact frame)', async () => {
    const { frame, type, press, savePath } = await setup();
    await press(ENTER);
    await type('Are you hiring?');
    await type('/end');
    expect(frame()).toBe(
      [
        'Your score: 11/100',
        'the meeting ended when you left at 00:16 of 20:00',
        '',
        'Open questions   ░░░░░░░░░░░░░░░░░░░░  0/30',
        'Time discipline  █████░░░░░░░░░░░░░░░  5/20',
        'No job ask       ░░░░░░░░░░░░░░░░░░░░  0/20',
        'Referrals        ░░░░░░░░░░░░░░░░░░░░  0/15',
        'Professionalism  ████████░░░░░░░░░░░░  6/15',
        '',
        'What cost points',
        '#1 00:00 "Are you hiring?"',
        '   This is a job ask: it turns the conversation into an application. Ask for advice instead. Try: ',
        '   "What would you do in my position to become a strong candidate in this field?"',
        '#1 00:00 "Are you hiring?"',
        '   Open by saying who you are and what you hope to learn. Try: "I\'m Sam, a final-year student, and ',
        '   I\'m hoping to learn what this work is really like."',
        '',
        'Timeline 00:00 ◕◑ 00:16 (● warm ◑ neutral ○ cold)',
        `Transcript saved to ${savePath}`,
        'q quit · r play again',
      ].join('\n'),
    );
  });
});
