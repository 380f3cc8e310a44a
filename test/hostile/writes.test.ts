import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteProblem, writeOutput } from '../../src/io/write-file.js';
import { loadCatalog } from '../../src/scenario/registry.js';
import { SaveProblem, TranscriptFile } from '../../src/session/save.js';
import { Session } from '../../src/session/session.js';
import { validateTranscript } from '../../src/session/transcript.js';
import { CLI, ROOT, run } from '../helpers.js';

const engineer = loadCatalog().scenarios.find((s) => s.scenario.id === 'startup-engineer')!;
const fresh = () => mkdtempSync(join(tmpdir(), 'cc-write-'));
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeOutput: regular files atomically, everything else as it is', () => {
  it('replaces a regular file atomically and leaves no temp file; a link keeps pointing at its file', () => {
    const dir = fresh();
    const file = join(dir, 'out.html');
    writeFileSync(file, 'old');
    writeOutput(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    const link = join(dir, 'link.html');
    symlinkSync(file, link);
    writeOutput(link, 'through the link');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('through the link');
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes a device directly: /dev/null stays a device (and a link to it too)', () => {
    writeOutput('/dev/null', 'x');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const link = join(fresh(), 'null');
    symlinkSync('/dev/null', link);
    writeOutput(link, 'x');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('refuses a folder, a FIFO nobody reads, a dangling link — with the reason, and no temp file', () => {
    const dir = fresh();
    expect(() => writeOutput(dir, 'x')).toThrow(new WriteProblem('is a folder, not a file'));
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(() => writeOutput(fifo, 'x')).toThrow(new WriteProblem('is a named pipe (FIFO) that nobody is reading'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    expect(() => writeOutput(join(dir, 'dangling'), 'x')).toThrow(new WriteProblem('is a symbolic link to a file that does not exist'));
    expect(() => writeOutput(join(dir, 'no', 'such', 'folder', 'x.csv'), 'x')).toThrow(new WriteProblem('no such file'));
    expect(() => writeOutput('/dev/full', 'x')).toThrow(new WriteProblem('no space left on the device'));
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes to a FIFO someone reads', async () => {
    const fifo = join(fresh(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const closed = new Promise((r) => reader.on('close', r));
    // Wait until cat has opened the FIFO (a writer can then open it without blocking).
    for (let i = 0; ; i++) {
      try {
        writeOutput(fifo, 'hello through a pipe\n');
        break;
      } catch (err) {
        if (i > 200) throw err;
        await new Promise((r) => setImmediate(r));
      }
    }
    await closed;
    expect(got).toBe('hello through a pipe\n');
  });
});

describe('transcript files', () => {
  it('--save DIR gets a fresh name inside it; an existing file is never replaced; - is refused', () => {
    const dir = fresh();
    const a = TranscriptFile.open({ file: dir }, 'startup-engineer', 'Sam Lee');
    expect(a.path).toMatch(new RegExp(`^${dir}/\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}-startup-engineer-sam-lee-[0-9a-f]{6}\\.json$`));
    const existing = join(dir, 'mine.json');
    writeFileSync(existing, '{}');
    expect(() => TranscriptFile.open({ file: existing }, 'x', null)).toThrow(SaveProblem);
    expect(() => TranscriptFile.open({ file: '-' }, 'x', null)).toThrow(/the meeting itself is written there/);
    const later = TranscriptFile.open({ file: join(dir, 'new-folder/') }, 'x', null);
    expect(later.path.startsWith(join(dir, 'new-folder'))).toBe(true);
  });

  it('two sessions saving into one folder in the same millisecond get two files', () => {
    const dir = fresh();
    const sessions = Array.from({ length: 20 }, () => new Session(engineer, { seed: 1, save: { folder: dir } }));
    expect(new Set(sessions.map((s) => s.savedTo)).size).toBe(20);
    expect(readdirSync(dir)).toHaveLength(20);
  });

  it('four meetings started together by separate processes keep four transcripts', async () => {
    const xdg = fresh();
    const runs = Array.from({ length: 4 }, (_, i) =>
      new Promise<number | null>((resolve) => {
        const c = spawn(process.execPath, [CLI, 'play', '--seed', String(i), '--name', 'Sam'], { cwd: ROOT, env: { ...process.env, XDG_DATA_HOME: xdg, NO_COLOR: '1' } });
        c.stdin.end('What does a typical day look like for you?\n');
        c.stdout.resume();
        c.on('close', resolve);
      }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    expect(readdirSync(join(xdg, 'coffeechat', 'sessions'))).toHaveLength(4);
  });

  it('a save that fails mid-meeting is reported once, the meeting goes on, and a later save recovers', () => {
    const dir = join(fresh(), 'sessions');
    mkdirSync(dir);
    const problems: Array<string | undefined> = [];
    const s = new Session(engineer, { seed: 1, save: { folder: dir }, onSaveProblem: (p) => problems.push(p) });
    const path = s.savedTo!;
    s.say('What does a typical day look like for you?');
    // The folder disappears under the meeting (a disk unmounted, a cleanup script).
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'not a folder any more');
    expect(s.say('How did you get into software engineering?')?.reaction).toBe('answer_open');
    expect(s.say('What do you enjoy most about it?')).toBeDefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^could not save the transcript to .*: a part of the path is not a folder$/);
    expect(s.saveProblem).toBeDefined();
    rmSync(dir);
    mkdirSync(dir);
    s.leave();
    expect(problems).toEqual([problems[0], undefined]);
    const t = validateTranscript(JSON.parse(readFileSync(path, 'utf8')));
    expect(t.ok && t.transcript.turns.filter((x) => x.speaker === 'user')).toHaveLength(3);
  });

  it('a save that cannot start stops play with one line (exit 1), before the meeting', () => {
    const r = run(['play', '--save', '/dev/full'], 'Hello\n');
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'coffeechat play: cannot save the transcript to /dev/full: no space left on the device\n' });
    const dir = fresh();
    writeFileSync(join(dir, 'taken.json'), '{}');
    expect(run(['play', '--save', join(dir, 'taken.json')], 'Hello\n').stderr).toBe(
      `coffeechat play: ${join(dir, 'taken.json')} already exists; give a new file name, or a folder to save a fresh file in\n`,
    );
    expect(run(['play', '--save', '/dev/null'], 'Hello\n/end\n')).toMatchObject({ code: 0 });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('stores each line once, and never writes a transcript score would refuse', () => {
    const dir = fresh();
    const line = 'What does a typical day look like for you, unique-marker-7?';
    const s = new Session(engineer, { seed: 9007199254740991, save: { folder: dir } });
    s.say(line);
    s.say(`${'long '.repeat(2000)}tail-marker`);
    s.leave();
    const text = readFileSync(s.savedTo!, 'utf8');
    expect(text.split('unique-marker-7').length - 1).toBe(1);
    const t = validateTranscript(JSON.parse(text));
    expect(t.ok).toBe(true);
    const user = t.ok ? t.transcript.turns.filter((x) => x.speaker === 'user') : [];
    expect(user[1]!.text).toHaveLength(4000);
    expect(text).not.toContain('tail-marker');
    expect(run(['score', s.savedTo!]).code).toBe(0);
  });

  it('ends the meeting rather than grow past the size score reads', () => {
    const dir = fresh();
    const s = new Session(engineer, { seed: 1, save: { folder: dir }, maxBytes: 12_000 });
    let said = 0;
    while (!s.ended && said < 100) {
      s.say(`What does a typical day look like for you? ${'\u0001'.repeat(500)}`);
      said++;
    }
    expect(s.full).toBe(true);
    const size = statSync(s.savedTo!).size;
    expect(size).toBeLessThanOrEqual(12_000);
    expect(validateTranscript(JSON.parse(readFileSync(s.savedTo!, 'utf8'))).ok).toBe(true);
  });

  it('--seed outside the safe integers is a usage error, not a transcript score refuses', () => {
    expect(run(['play', '--seed', '9007199254740993'], 'Hi\n')).toMatchObject({ code: 2 });
    expect(run(['play', '--seed', '9007199254740993'], 'Hi\n').stderr).toContain('--seed must be between');
  });

  it('a relative XDG_DATA_HOME is ignored (XDG spec): transcripts go under HOME', () => {
    const home = fresh();
    const r = run(['play', '--seed', '1'], 'Hi\n/end\n', { XDG_DATA_HOME: 'relative/data', HOME: home });
    expect(r.code).toBe(0);
    expect(existsSync(join(ROOT, 'relative'))).toBe(false);
    expect(readdirSync(join(home, '.local', 'share', 'coffeechat', 'sessions'))).toHaveLength(1);
  });
});
