import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreScript } from '../../src/cli/score.js';
import { scoreFollowup, scoreOutreach } from '../../src/letters/letters.js';
import { analyze } from '../../src/nlu/index.js';
import { loadCatalog } from '../../src/scenario/registry.js';
import { CLI, ROOT, run, type Run } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-hostile-'));
const fifo = join(dir, 'pipe.txt');
execFileSync('mkfifo', [fifo]);
const folder = join(dir, 'folder.txt');
mkdirSync(folder);
const good = join(dir, 'good.txt');
writeFileSync(good, 'Hi, my name is Sam and I study economics. What does a typical day look like for you?\n');
const engineer = loadCatalog().scenarios.find((s) => s.scenario.id === 'startup-engineer')!;

/** Run the CLI and also time it. */
function timed(args: string[], input?: string | Buffer, env?: Record<string, string>): Run & { ms: number } {
  const t0 = performance.now();
  const r = run(args, input, env);
  return { ...r, ms: performance.now() - t0 };
}
const noTrace = (r: Run) => expect(r.stderr).not.toMatch(/\n\s+at |internal error/);

describe('inputs that are not regular text files: one clear line naming the file, exit 1, the rest still done', () => {
  for (const cmd of ['score', 'outreach', 'followup']) {
    it(`${cmd}: a FIFO, /dev/zero, a folder, a missing file, a binary file`, () => {
      const bin = join(dir, 'bin.txt');
      writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
      const r = timed([cmd, fifo, '/dev/zero', folder, join(dir, 'nope.txt'), bin, good]);
      expect(r.code).toBe(1);
      expect(r.ms).toBeLessThan(5000);
      noTrace(r);
      expect(r.stderr.trimEnd().split('\n')).toEqual([
        `coffeechat ${cmd}: ${fifo}: cannot read: is a named pipe (FIFO), not a regular file`,
        `coffeechat ${cmd}: /dev/zero: cannot read: is a device, not a regular file`,
        `coffeechat ${cmd}: ${folder}: cannot read: is a folder, not a file`,
        `coffeechat ${cmd}: ${join(dir, 'nope.txt')}: cannot read: no such file`,
        `coffeechat ${cmd}: ${bin}: cannot read: is not a text file (it contains NUL bytes; UTF-16 text needs a byte-order mark)`,
      ]);
      expect(r.stdout).toContain(good);
    });
  }

  it('scenarios: a FIFO, a device or a folder as a scenario, and a FIFO left in a scenarios folder', () => {
    const scen = join(dir, 'scen');
    mkdirSync(scen);
    execFileSync('mkfifo', [join(scen, 'stuck.yaml')]);
    mkdirSync(join(scen, 'folder.yaml'));
    const list = timed(['scenarios', 'list', '--scenarios', scen]);
    expect(list.code).toBe(0);
    expect(list.ms).toBeLessThan(5000);
    expect(list.stdout).toContain('startup-engineer');
    // The file is named as the user would reach it from the current folder (relative or absolute).
    expect(list.stderr).toMatch(/(^|\n)\S*scen\/stuck\.yaml:1:1: error\[SC006\]: cannot read file: is a named pipe \(FIFO\), not a regular file/);
    const v = timed(['scenarios', 'validate', join(scen, 'stuck.yaml'), '/dev/zero', join(scen, 'folder.yaml')]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('/dev/zero:1:1: error[SC006]: cannot read file: is a device, not a regular file');
    expect(v.stderr).toContain('folder.yaml:1:1: error[SC006]: cannot read file: is a folder, not a file');
    noTrace(v);
  });

  it('standard input that is not text: analyze and play stop at once instead of filling memory', () => {
    const a = timed(['analyze'], Buffer.alloc(4 * 1024 * 1024));
    expect(a).toMatchObject({ code: 1, stdout: '', stderr: 'coffeechat analyze: standard input is not text (it contains NUL bytes)\n' });
    const p = timed(['play', '--seed', '1'], Buffer.concat([Buffer.from('What does a typical day look like for you?\n'), Buffer.alloc(1024 * 1024)]));
    expect(p.code).toBe(0);
    expect(p.stderr).toBe('coffeechat play: standard input is not text (it contains NUL bytes); the meeting ends here\n');
    expect(p.stdout).toContain('Score:');
  });

  it('empty inputs', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect(run(['score', empty]).stderr).toBe(`coffeechat score: ${empty}: empty script: expected one line per thing you say\n`);
    expect(run(['outreach', empty]).stderr).toBe(`coffeechat outreach: ${empty}: is empty\n`);
    expect(run(['analyze'], '')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const p = run(['play', '--seed', '1'], '');
    expect(p.code).toBe(0);
    expect(p.stdout).toContain('Score:');
  });

  it('over the size caps: refused while reading, with the limit', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(300 * 1024));
    expect(run(['outreach', big]).stderr).toBe(`coffeechat outreach: ${big}: cannot read: is 307200 bytes; the limit is 262144\n`);
    writeFileSync(big, 'x'.repeat(9 * 1024 * 1024));
    expect(run(['score', big]).stderr).toBe(`coffeechat score: ${big}: cannot read: is 9437184 bytes; the limit is 8388608\n`);
    expect(run(['score', '-'], 'x'.repeat(9 * 1024 * 1024)).stderr).toBe('coffeechat score: -: cannot read: is more than 8388608 bytes; the limit is 8388608\n');
  });

  it('UTF-16 (with a BOM) and UTF-8 with a BOM are read as text', () => {
    const text = 'Hi, I am José. What does a typical day look like for you?\n';
    const le = join(dir, 'le.txt');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = join(dir, 'be.txt');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const bom = join(dir, 'bom.txt');
    writeFileSync(bom, `\ufeff${text}`);
    writeFileSync(join(dir, 'plain.txt'), text);
    const r = run(['score', '--json', le, be, bom, join(dir, 'plain.txt')]);
    expect(r.code).toBe(0);
    const totals = r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { total: number }).total);
    expect(new Set(totals).size).toBe(1);
    expect(run(['analyze', '--json'], Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Are you hiring?\n', 'utf16le')])).stdout).toContain('"intents":["job_ask"]');
  });
});

describe('the worst inputs under the caps take well under 2 s each', () => {
  const worst: Array<[string, string]> = [
    ['1 Mi characters of consonants', 'What is '.concat('bcdfghjklmnpqrstvwxz'.repeat(52_000))],
    ['a long run of one letter', 'a'.repeat(1_000_000)],
    ['spaces and newlines', `x${' \n'.repeat(120_000)}x`],
    ['punctuation', '?!.,;:'.repeat(150_000)],
    ['apostrophes', "'s ".repeat(300_000)],
    ['nested quotes and dashes', '“—”‘’'.repeat(200_000)],
    ['hundreds of tiny questions in one turn', Array.from({ length: 1000 }, (_, i) => `Ok${i}?`).join(' ')],
  ];
  for (const [name, text] of worst) {
    it(name, () => {
      const t0 = performance.now();
      analyze(text);
      scoreScript(text, engineer, 1);
      scoreOutreach(text.slice(0, 256 * 1024));
      scoreFollowup(text.slice(0, 256 * 1024));
      expect(performance.now() - t0).toBeLessThan(2000);
    });
  }

  it('the CLI on a 256 KB outreach of blank lines and a 1 MB consonant question', () => {
    const blank = join(dir, 'blank.txt');
    writeFileSync(blank, `x${' \n'.repeat(128 * 1024 - 1)}`);
    const q = join(dir, 'q.txt');
    writeFileSync(q, `What is ${'bcdfghjklmnpqrstvwxz'.repeat(52_000)}\n`);
    for (const r of [timed(['outreach', blank]), timed(['score', q]), timed(['analyze'], readFileSync(q))]) {
      expect(r.code).toBe(0);
      expect(r.ms).toBeLessThan(5000);
    }
  });
});

/** Spawn the CLI with its stdout already closed by the reader, as `… | head` does. */
function closedPipe(args: string[], input?: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    c.stdout.destroy();
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.stdin.on('error', () => {});
    c.stdin.end(input ?? '');
    c.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('conventions', () => {
  it('a closed pipe is not an error for any command: no EPIPE trace, exit 0', async () => {
    const model = readFileSync(new URL('../fixtures/scripts/model-meeting.txt', import.meta.url), 'utf8');
    const cohort = new URL('../fixtures/cohort', import.meta.url).pathname;
    const cases: Array<[string[], string?]> = [
      [['scenarios', 'list']],
      [['scenarios', 'schema']],
      [['--help']],
      [['report', cohort]],
      [['play', '--seed', '1', '--save', join(dir, 'piped.json')], model],
      [['analyze'], 'What do you do?\n'.repeat(5000)],
      [['score', good]],
    ];
    for (const [args, input] of cases) {
      const r = await closedPipe(args, input);
      expect(r.code, args.join(' ')).toBe(0);
      // report also warns on stderr (old fixtures); nothing about the pipe, no stack trace.
      expect(r.stderr, args.join(' ')).not.toMatch(/EPIPE|\n\s+at |internal error/);
      if (args[0] !== 'report') expect(r.stderr, args.join(' ')).toBe('');
    }
    // The meeting cut off by the closed pipe is still recorded as ended.
    expect(JSON.parse(readFileSync(join(dir, 'piped.json'), 'utf8')).ended).not.toBeNull();
  });

  it('Ctrl-C in the middle of a plain meeting: report, exit 130, transcript ended', async () => {
    const save = join(dir, 'interrupted.json');
    const c = spawn(process.execPath, [CLI, 'play', '--seed', '1', '--save', save], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const replied = new Promise<void>((resolve) =>
      c.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if ((out.match(/^\[\d\d:\d\d\] Maya:/gm) ?? []).length >= 2) resolve();
      }),
    );
    c.stdin.write('What does a typical day look like for you?\n');
    await replied;
    c.kill('SIGINT');
    const code = await new Promise((r) => c.on('close', r));
    expect(code).toBe(130);
    expect(err).toBe('');
    expect(out).toContain('Score:');
    expect(JSON.parse(readFileSync(save, 'utf8')).ended.reason).toBe('user');
  });

  it('-v is the version; mistyped commands and options get a did-you-mean', () => {
    expect(run(['-v']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(run(['scenaros', 'list'])).toMatchObject({ code: 2, stderr: "coffeechat: unknown command 'scenaros' (did you mean 'scenarios'?)\nTry 'coffeechat --help'.\n" });
    expect(run(['score', '--jsn', good])).toMatchObject({ code: 2, stderr: "coffeechat score: unknown option '--jsn' (did you mean '--json'?)\nTry 'coffeechat score --help'.\n" });
    expect(run(['--verison']).stderr).toContain("(did you mean '--version'?)");
    expect(run(['play', '--sed', '3'], '').stderr).toContain("unknown option '--sed' (did you mean '--seed'?)");
  });

  it('- is standard input for score and outreach, standard output for report --html and --csv', () => {
    const s = run(['score', '--json', '-'], 'What does a typical day look like for you?\n');
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ file: '-', scenario: 'startup-engineer' });
    expect(JSON.parse(run(['outreach', '--json', '-'], readFileSync(good)).stdout)).toMatchObject({ file: '-', kind: 'outreach' });
    const cohort = new URL('../fixtures/cohort', import.meta.url).pathname;
    const html = run(['report', cohort, '--html', '-']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stderr).not.toContain('wrote');
    const devStdout = run(['report', cohort, '--html', '/dev/stdout']);
    expect(devStdout.stdout).toMatch(/^<!doctype html>/);
    expect(run(['report', cohort, '--csv', '-']).stdout).toMatch(/^\ufeffparticipant,attempt,file/);
    expect(run(['report', cohort, '--csv', '-', '--html', '-']).code).toBe(2);
    const json = JSON.parse(run(['report', '--json', cohort]).stdout) as { meetings: number; participants: Array<{ name: string }> };
    expect(json.meetings).toBe(6);
    expect(json.participants.map((p) => p.name)).toEqual(['Ana', 'Ben', 'Chloe']);
  });
});
