import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/scenario/registry.js';
import { CLI, ROOT } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tmux is not installed: skipping the real-terminal tests (apt-get install tmux to run them)');

// A tmux server of our own (never the user's), kept running between tests: with the default
// exit-empty, killing a test's last session stops the server, and the next test's new-session can
// race its exit ("server exited unexpectedly").
const SOCKET = `cc-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
let sessions: string[] = [];
let counter = 0;

/** A terminal of this size running the built CLI with `args` and `env`, in a clean environment. */
function terminal(columns: number, rows: number, args: string, env = '') {
  const name = `cc-e2e-${process.pid}-${counter++}`;
  sessions.push(name);
  const xdg = mkdtempSync(join(tmpdir(), 'cc-e2e-'));
  // Nothing from the test runner or CI (Ink changes behaviour when CI is set); the transcript goes
  // to a temporary XDG_DATA_HOME. The exit status is printed so tests can read it.
  const clean = `env -i PATH=${process.env.PATH} HOME=${process.env.HOME} TERM=xterm-256color XDG_DATA_HOME=${xdg} ${env}`;
  tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), '-c', ROOT, `${clean} ${process.execPath} ${CLI} ${args}; echo EXIT=$?; sleep 60`);
  const screen = () => tmux('capture-pane', '-p', '-t', name);
  /** Poll the screen until `test` passes (or fail with what was on screen). */
  const waitFor = async (test: RegExp | ((s: string) => boolean), ms = 10_000): Promise<string> => {
    const ok = typeof test === 'function' ? test : (s: string) => test.test(s);
    const end = Date.now() + ms;
    let last = '';
    while (Date.now() < end) {
      last = screen();
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${test}; screen was:\n${last}`);
  };
  const keys = (...k: string[]) => tmux('send-keys', '-t', name, ...k);
  const type = (text: string) => tmux('send-keys', '-t', name, '-l', text);
  /** Say a line and wait until the contact has answered (the typing indicator has come and gone). */
  const ask = async (text: string, reply: RegExp) => {
    type(text);
    keys('Enter');
    await waitFor((s) => reply.test(s) && !s.includes('is typing…'));
  };
  return { screen, waitFor, keys, type, ask, xdg };
}

const QUESTIONS: Array<[string, RegExp]> = [
  ['What does a typical day look like for you?', /Mornings are for deep work/],
  ['How did you get into software engineering?', /Not a straight line/],
  ['What training did you need for this job?', /computer science degree/],
  ['What skills matter most in your job?', /Clear writing is underrated/],
  ['What do you enjoy most about your job?', /The distance between my code/],
  ['What do you like least about the job?', /Maya {3}\S/],
  ["What's the hardest part of your role?", /Right now it's scale/],
  ['How is the field changing?', /Maya {3}\S/],
  ['What advice would you give someone starting out?', /Build one thing end to end/],
  ["What's the culture like at Routewise?", /Maya {3}\S/],
];

describe.skipIf(!hasTmux)('the real program in a terminal (tmux)', () => {
  beforeAll(() => {
    tmux('start-server', ';', 'set-option', '-g', 'exit-empty', 'off');
  });
  afterEach(() => {
    for (const s of sessions) spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', s]);
    sessions = [];
  });
  afterAll(() => {
    const socket = tmux('display-message', '-p', '#{socket_path}').trim();
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    rmSync(socket, { force: true });
  });

  it('80×24: start, ask, see the reply and the clock move, /end, the report, q prints the report and path', async () => {
    const t = terminal(80, 24, 'play startup-engineer');
    await t.waitFor(/Press Enter to start/);
    // Typed straight after Enter: keys that arrive before the meeting screen is drawn still count.
    t.keys('Enter');
    await t.ask('What does a typical day look like for you?', /Mornings are for deep work/);
    expect(t.screen()).toMatch(/01:24 \/ 20:00/);
    t.type('/end');
    t.keys('Enter');
    const report = await t.waitFor(/Your score: \d+\/100/);
    expect(report).toContain('Open questions');
    t.keys('q');
    const after = await t.waitFor(/EXIT=0/);
    expect(after).toMatch(/Transcript saved to\s+\S+coffeechat\/sessions\/\S+startup-engineer/);
    expect(readdirSync(join(t.xdg, 'coffeechat', 'sessions'))).toHaveLength(1);
  });

  it('80×24: Esc on a half-typed line clears it and the meeting goes on', async () => {
    const t = terminal(80, 24, 'play startup-engineer');
    await t.waitFor(/Press Enter to start/);
    t.keys('Enter');
    await t.waitFor(/you>/);
    t.type('What does a typ');
    await t.waitFor(/you> What does a typ/);
    t.keys('Escape');
    const cleared = await t.waitFor(/you> +ask a question, or \/help/);
    expect(cleared).toContain('00:00 / 20:00');
    expect(cleared).not.toContain('Your score');
    await t.ask('How did you get into software engineering?', /Not a straight line/);
  });

  it('80×24: after ten exchanges PageUp brings back the first answer; the report headline is on the top row', async () => {
    const t = terminal(80, 24, 'play startup-engineer');
    await t.waitFor(/Press Enter to start/);
    t.keys('Enter');
    await t.waitFor(/you>/);
    for (const [q, reply] of QUESTIONS) await t.ask(q, reply);
    expect(t.screen()).not.toContain('Mornings are for deep work');
    let screen = t.screen();
    for (let i = 0; i < 12 && !screen.includes('Mornings are for deep work'); i++) {
      const before = screen;
      t.keys('PageUp');
      screen = await t.waitFor((s) => s !== before);
    }
    expect(screen).toContain('Maya   Mornings are for deep work');
    expect(screen).toMatch(/↓ \d+ more lines below — PgDn to scroll down/);
    t.type('/end');
    t.keys('Enter');
    const report = await t.waitFor(/Your score: \d+\/100/);
    const rows = report.split('\n');
    // The card fits: its headline is the first row, nothing of the meeting is left above it.
    expect(rows[0]).toMatch(/^Your score: \d+\/100$/);
    expect(report).toContain('● warm ◕ engaged ◑ neutral ◔ impatient ○ cold');
    expect(report).toMatch(/q quit · r play again/);
  }, 60_000);

  it('50×16: Ctrl-C in the meeting ends it safely and exits 130', async () => {
    const t = terminal(50, 16, 'play startup-engineer');
    await t.waitFor(/Press Enter to start/);
    t.keys('Enter');
    await t.ask('What does a typical day look like for you?', /Mornings are for deep work/);
    t.keys('C-c');
    const after = await t.waitFor(/EXIT=130/);
    expect(after).toMatch(/Transcript saved to/);
    expect(readdirSync(join(t.xdg, 'coffeechat', 'sessions'))).toHaveLength(1);
  });

  it('CI set: plain mode in the terminal, wrapped at its width between words; /notes; Ctrl-C exits 130', async () => {
    const t = terminal(50, 30, 'play startup-engineer --seed 1', 'CI=1');
    await t.waitFor(/^you>\s*$/m);
    expect(t.screen()).toContain('Type /end to finish, /help for commands.');
    t.type('What does a typical day look like for you?');
    t.keys('Enter');
    await t.waitFor(/No\s+two\s+days\s+are\s+identical/);
    const shown = t.screen().split('\n');
    // Continuation rows hang under the reply, and rows break between words: joined with spaces
    // they give the answer back (a word folded by the terminal would come back cut in two).
    const at = shown.findIndex((r) => r.includes('Maya: Mornings'));
    const end = shown.findIndex((r, i) => i > at && r.startsWith('you>'));
    for (const row of shown.slice(at + 1, end)) expect(row).toMatch(/^ {14}\S/);
    const answer = loadCatalog().scenarios.find((s) => s.scenario.id === 'startup-engineer')!.scenario.topics[0]!.answer;
    expect(shown.slice(at, end).map((r) => r.trim()).join(' ')).toBe(`[01:24] Maya: ${answer}`);
    t.type('/hlep');
    t.keys('Enter');
    await t.waitFor(/\/hlep: unknown command — \/help lists them/);
    t.type('/notes');
    t.keys('Enter');
    await t.waitFor(/What Maya has told you so far:/);
    t.keys('C-c');
    await t.waitFor(/EXIT=130/);
  });

  it('TERM=dumb: plain mode, no cursor codes', async () => {
    const t = terminal(80, 24, 'play startup-engineer', 'TERM=dumb');
    await t.waitFor(/^you>\s*$/m);
    expect(t.screen()).toContain('Type /end to finish');
    t.type('/end');
    t.keys('Enter');
    await t.waitFor(/EXIT=0/);
    expect(t.screen()).toMatch(/Score: \d+\/100/);
  });

  it('the picker: q quits at once', async () => {
    const t = terminal(80, 24, '');
    await t.waitFor(/Choose a practice meeting/);
    t.keys('q');
    await t.waitFor(/EXIT=0/);
  });
});
