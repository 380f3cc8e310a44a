import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transcriptSchema } from '../../src/session/transcript.js';
import { CLI, ROOT, run } from '../helpers.js';

const model = readFileSync(new URL('../fixtures/scripts/model-meeting.txt', import.meta.url), 'utf8');

describe('coffeechat play (plain mode)', () => {
  it('plays a whole meeting from stdin: briefing, clocked replies, report, saved transcript', () => {
    const save = join(mkdtempSync(join(tmpdir(), 'cc-play-')), 'meeting.json');
    const r = run(['play', '--seed', '4', '--name', 'Sam', '--save', save], model);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('You are meeting Maya Okafor, Senior software engineer');
    expect(r.stdout).toMatch(/^\[00:00\] Maya: /m);
    expect(r.stdout).toMatch(/^you: What does a typical day look like for you\?$/m);
    expect(r.stdout).toContain('Score: 100/100 — the meeting ended gracefully');
    expect(r.stdout).toContain(`Transcript saved to ${save}`);
    const t = transcriptSchema.parse(JSON.parse(readFileSync(save, 'utf8')));
    expect(t).toMatchObject({ seed: 4, participant: 'Sam', scenario: { id: 'startup-engineer' }, ended: { reason: 'graceful' } });
    expect(t.turns.filter((x) => x.speaker === "user")).toHaveLength(15);
    // The clock only moves forward.
    const clocks = t.turns.map((x) => x.clock);
    expect([...clocks].sort((a, b) => a - b)).toEqual(clocks);
  });

  it('the same seed and lines give the same meeting, byte for byte', () => {
    const a = run(['play', '--seed', '11', '--save', join(mkdtempSync(join(tmpdir(), 'cc-')), 'a.json'), 'nurse-manager'], model);
    const b = run(['play', '--seed', '11', '--save', join(mkdtempSync(join(tmpdir(), 'cc-')), 'b.json'), 'nurse-manager'], model);
    const strip = (s: string) => s.replace(/Transcript saved to .*/, '');
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  });

  it('/end ends the meeting early and still reports; /help lists commands', () => {
    const save = join(mkdtempSync(join(tmpdir(), 'cc-play-')), 'm.json');
    const r = run(['play', '--seed', '1', '--save', save], 'What does a typical day look like?\n/help\n/end\nThis is never said.\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        'Commands:',
        '  /end    end the meeting and see your report',
        '  /notes  what the contact has told you so far, by topic, and any names they gave',
        '  /help   list these commands',
        'Anything else you type is said to the contact.',
      ].join('\n'),
    );
    expect(r.stdout).toContain('the meeting ended when you left');
    expect(r.stdout).not.toContain('This is never said');
    expect(JSON.parse(readFileSync(save, 'utf8')).ended.reason).toBe('user');
  });

  it('/notes shows what the contact said by topic; an unknown /command is answered, not said', () => {
    const save = join(mkdtempSync(join(tmpdir(), 'cc-play-')), 'm.json');
    const r = run(['play', '--seed', '1', '--save', save], '/notes\nWhat does a typical day look like for you?\n/notes\n/hlep me\n/end\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('you: /notes\nMaya has not told you about any topic yet — ask an open question.\n');
    expect(r.stdout).toContain("you: /notes\nWhat Maya has told you so far:\n  - Typical day: Mornings are for deep work: I block nine to twelve for writing code and reviewing other people's.");
    expect(r.stdout).toContain('you: /hlep me\n/hlep: unknown command — /help lists them\n');
    const t = transcriptSchema.parse(JSON.parse(readFileSync(save, 'utf8')));
    expect(t.turns.filter((x) => x.speaker === 'user').map((x) => x.text)).toEqual(['What does a typical day look like for you?']);
  });

  it('uses XDG_DATA_HOME for the default save path', () => {
    const xdg = mkdtempSync(join(tmpdir(), 'cc-xdg-'));
    const r = run(['--seed', '2', '--name', 'Lee'], 'Hello\n', { XDG_DATA_HOME: xdg });
    expect(r.code).toBe(0);
    const path = /Transcript saved to (.*)/.exec(r.stdout)?.[1];
    expect(path?.startsWith(join(xdg, 'coffeechat', 'sessions'))).toBe(true);
    // Milliseconds and a random suffix: meetings started in the same second never share a file.
    expect(path).toMatch(/\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}-startup-engineer-lee-[0-9a-f]{6}\.json$/);
    expect(existsSync(path!)).toBe(true);
  });

  it('an unknown scenario is a usage error with a suggestion', () => {
    const r = run(['play', 'nurse-manger'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown scenario 'nurse-manger' (did you mean 'nurse-manager'?)");
  });

  it('a meeting killed mid-way keeps every finished turn', async () => {
    const save = join(mkdtempSync(join(tmpdir(), 'cc-kill-')), 'm.json');
    const child = spawn(process.execPath, [CLI, 'play', '--seed', '1', '--save', save], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.write('What does a typical day look like for you?\nHow did you get into software engineering?\n');
    // Wait until both replies are printed, then kill without warning.
    await new Promise<void>((resolve, reject) => {
      const t = setInterval(() => {
        if ((out.match(/^\[\d\d:\d\d\] Maya:/gm) ?? []).length >= 3) {
          clearInterval(t);
          resolve();
        }
      }, 20);
      setTimeout(() => reject(new Error(`timed out: ${out}`)), 10_000);
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const t = transcriptSchema.parse(JSON.parse(readFileSync(save, 'utf8')));
    expect(t.turns.filter((x) => x.speaker === 'user').map((x) => x.text)).toEqual([
      'What does a typical day look like for you?',
      'How did you get into software engineering?',
    ]);
    expect(t.ended).toBeNull();
  });
});
