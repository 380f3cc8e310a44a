// `npm run fuzz`: hostile and random input through every command's core and the real CLI, counted.
// Deterministic (fixed seed); prints the numbers the issue asks for and exits 1 on any crash.
//   20,000 random lines through analyze() (and the outreach/follow-up scorers, in batches)
//   500 plain sessions in-process (random lines, seeds, scenarios; transcript re-validated and re-scored)
//   500 plain sessions through the built CLI (`play --plain`, stdin piped), 8 at a time
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { scoreFollowup, scoreOutreach } from '../src/letters/letters.js';
import { analyze } from '../src/nlu/index.js';
import { loadCatalog } from '../src/scenario/registry.js';
import { score } from '../src/scoring/rubric.js';
import { Session } from '../src/session/session.js';
import { validateTranscript } from '../src/session/transcript.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
const LINES = Number(process.env.FUZZ_LINES ?? 20_000);
const SESSIONS = Number(process.env.FUZZ_SESSIONS ?? 500);
const CLI_SESSIONS = Number(process.env.FUZZ_CLI_SESSIONS ?? 500);
const CLI = new URL('../dist/cli.js', import.meta.url).pathname;

const PROTO = Object.getOwnPropertyNames(Object.prototype);
const ESCAPES = ['\u001b]0;title\u0007', '\u001b]52;c;cm0gLXJmIC8=\u0007', '\u001b[2J', '\u009b31m', '\u202e', '\u0000', '\r', '\ufeff', '\ud800'];
const WORDS = 'what how why do you is are could tell me about your job hiring resume cv referral anyone else thanks time minutes u r wat rn constructor toString __proto__ résumé 面试 ¿qué?'.split(' ');
const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO) },
  { weight: 1, arbitrary: fc.constantFrom(...ESCAPES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'bcdfghjklmnpqrstvwxz'), minLength: 50, maxLength: 5000 }) },
);
const sep = fc.constantFrom(' ', ' ', ' ', ', ', '? ', '. ', '! ', "'", '  ', '\t', '-');
const line = fc.array(fc.tuple(word, sep), { minLength: 0, maxLength: 30 }).map((ws) => ws.map(([w, s]) => w + s).join(''));

const crashes: string[] = [];
const fail = (what: string, input: unknown, err: unknown) => {
  if (crashes.length < 10) crashes.push(`${what}: ${String((err as Error)?.stack ?? err).split('\n').slice(0, 3).join(' | ')} — input ${JSON.stringify(input).slice(0, 200)}`);
  else crashes.push(what);
};

// 1. Lines through analyze (and, 10 lines at a time, through the letter scorers).
const lines = fc.sample(line, { seed: SEED, numRuns: LINES });
let slowest = 0;
let slowestLine = '';
const t0 = performance.now();
for (const [i, l] of lines.entries()) {
  const s = performance.now();
  try {
    const a = analyze(l);
    if (!['open', 'closed', 'statement'].includes(a.form) || a.text !== l) throw new Error(`bad analysis ${JSON.stringify(a)}`);
    if (i % 10 === 9) {
      const text = lines.slice(i - 9, i + 1).join('\n');
      for (const r of [scoreOutreach(text), scoreFollowup(text)]) if (!(r.total >= 0 && r.total <= 100)) throw new Error(`bad total ${r.total}`);
    }
  } catch (err) {
    fail('analyze', l, err);
  }
  const ms = performance.now() - s;
  if (ms > slowest) [slowest, slowestLine] = [ms, `${l.length} chars`];
}
console.log(`analyze: ${lines.length} random lines (+ ${Math.floor(lines.length / 10) * 2} letters), ${crashes.length} crashes, ${((performance.now() - t0) / 1000).toFixed(1)} s, slowest ${slowest.toFixed(1)} ms (${slowestLine})`);

// 2. Plain sessions in-process.
const cat = loadCatalog();
const sessions = fc.sample(fc.tuple(fc.array(line, { minLength: 0, maxLength: 40 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.nat(cat.scenarios.length - 1)), { seed: SEED + 1, numRuns: SESSIONS });
const before = crashes.length;
let turns = 0;
let ended = 0;
const t1 = performance.now();
for (const [ls, seed, k] of sessions) {
  const loaded = cat.scenarios[k]!;
  try {
    const s = new Session(loaded, { seed, participant: 'fuzz', startedAt: null });
    for (const l of ls) {
      if (s.ended) break;
      s.say(l);
      turns++;
    }
    s.leave();
    const checked = validateTranscript(JSON.parse(JSON.stringify(s.transcript)));
    if (!checked.ok) throw new Error(`play wrote what score refuses: ${checked.error}`);
    const a = score(s.transcript, loaded.scenario, { reanalyze: false });
    const b = score(checked.transcript, loaded.scenario);
    if (a.total !== b.total) throw new Error(`re-scored ${b.total}, recorded ${a.total}`);
    if (s.transcript.ended?.reason !== 'user') ended++;
  } catch (err) {
    fail('session', { ls, seed, k }, err);
  }
}
console.log(`sessions (in-process): ${sessions.length} meetings, ${turns} turns, ${ended} ended by the contact, ${crashes.length - before} crashes, ${((performance.now() - t1) / 1000).toFixed(1)} s`);

// 3. Plain sessions through the real CLI.
const xdg = mkdtempSync(join(tmpdir(), 'cc-fuzz-'));
const cliRuns = fc.sample(fc.tuple(fc.array(line, { minLength: 0, maxLength: 25 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(cat.scenarios.length - 1)), { seed: SEED + 2, numRuns: CLI_SESSIONS });
const t2 = performance.now();
let cliBad = 0;
let refusedBinary = 0;
let worstMs = 0;
const runOne = ([ls, seed, k]: [string[], number, number], i: number) =>
  new Promise<void>((resolve) => {
    const save = join(xdg, `${i}.json`);
    const started = performance.now();
    const c = spawn(process.execPath, [CLI, 'play', '--plain', '--seed', String(seed), '--save', save, cat.scenarios[k]!.scenario.id], { env: { ...process.env, NO_COLOR: '1', XDG_DATA_HOME: xdg } });
    let err = '';
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    c.stdout.resume();
    c.stdin.on('error', () => {});
    c.stdin.end(ls.map((l) => l.replace(/[\r\n]/g, ' ')).join('\n'));
    c.on('close', (code) => {
      worstMs = Math.max(worstMs, performance.now() - started);
      // Input with a NUL byte is refused as binary, by design: the meeting ends with one warning.
      const binary = err === 'coffeechat play: standard input is not text (it contains NUL bytes); the meeting ends here\n';
      if (binary) refusedBinary++;
      let problem = code !== 0 ? `exit ${code}` : err && !binary ? `stderr ${err.slice(0, 200)}` : '';
      if (!problem) {
        const checked = validateTranscript(JSON.parse(readFileSync(save, 'utf8')));
        if (!checked.ok) problem = `transcript refused: ${checked.error}`;
      }
      if (problem) {
        cliBad++;
        fail('cli play', { ls, seed, k }, new Error(problem));
      }
      resolve();
    });
  });
const queue = cliRuns.map((r, i) => [r, i] as const);
await Promise.all(Array.from({ length: 8 }, async () => {
  for (let next = queue.shift(); next; next = queue.shift()) await runOne(next[0], next[1]);
}));
rmSync(xdg, { recursive: true, force: true });
console.log(`sessions (CLI play --plain): ${cliRuns.length} meetings (${refusedBinary} ended early on a NUL byte, as designed), ${cliBad} failures (bad exit, unexpected stderr, or a transcript score refuses), ${((performance.now() - t2) / 1000).toFixed(1)} s with 8 at a time, slowest ${Math.round(worstMs)} ms`);

if (crashes.length) {
  console.log(`\n${crashes.length} crashes; the first:\n${crashes.slice(0, 10).join('\n')}`);
  process.exit(1);
}
console.log('0 crashes');
