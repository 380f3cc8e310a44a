import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tmux is not installed: skipping the real-terminal test (apt-get install tmux to run it)');

const session = `cc-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', session);

/** Poll the screen until `re` matches (or fail with what was on screen). */
async function waitFor(re: RegExp, ms = 8000): Promise<string> {
  const end = Date.now() + ms;
  let last = '';
  while (Date.now() < end) {
    last = screen();
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${re}; screen was:\n${last}`);
}

describe.skipIf(!hasTmux)('the real program in a terminal (tmux, 80×24)', () => {
  const xdg = mkdtempSync(join(tmpdir(), 'cc-e2e-'));
  afterAll(() => {
    spawnSync('tmux', ['kill-session', '-t', session]);
  });

  it('start, Enter, ask, see the reply and the clock move, /end, the report, q', async () => {
    // A clean environment, as a user's shell would give: nothing from the test runner or CI
    // (Ink changes behaviour when CI is set).
    const env = `env -i PATH=${process.env.PATH} HOME=${process.env.HOME} TERM=xterm-256color XDG_DATA_HOME=${xdg}`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', ROOT, `${env} ${process.execPath} ${CLI} play startup-engineer; sleep 30`);
    await waitFor(/Press Enter to start/);
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(/00:00 \/ 20:00/);
    // Send Enter only once the typed line is on screen (the input has taken it), not after a guess.
    tmux('send-keys', '-t', session, '-l', 'What does a typical day look like for you?');
    await waitFor(/you> What does a typical day look like for you\?/);
    tmux('send-keys', '-t', session, 'Enter');
    const reply = await waitFor(/Mornings are for deep work/);
    expect(reply).toMatch(/01:24 \/ 20:00/);
    tmux('send-keys', '-t', session, '-l', '/end');
    await waitFor(/you> \/end/);
    tmux('send-keys', '-t', session, 'Enter');
    const report = await waitFor(/Your score: \d+\/100/);
    expect(report).toContain('Open questions');
    tmux('send-keys', '-t', session, 'q');
    await waitFor(/q quit · r play again[\s\S]*Transcript saved to/);
    expect(readdirSync(join(xdg, 'coffeechat', 'sessions'))).toHaveLength(1);
  });
});
