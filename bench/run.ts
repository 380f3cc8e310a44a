// `npm run bench`: speed targets, reported as numbers (not asserted in unit tests). The terminal UI
// is timed through a pseudo-terminal made by util-linux `script` (skipped when it is missing).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { scoreScript } from '../src/cli/score.js';
import { nextRandom } from '../src/engine/rng.js';
import { createContact } from '../src/engine/contact.js';
import { analyze } from '../src/nlu/index.js';
import { modelPath, readModelFile } from '../src/nlu/knowledge.js';
import { buildModel } from '../src/nlu/model.js';
import { loadCatalog } from '../src/scenario/registry.js';

const root = new URL('..', import.meta.url);
const lines = readFileSync(new URL('test/fixtures/utterances.tsv', root), 'utf8')
  .split('\n').slice(1).filter(Boolean).map((l) => l.split('\t')[0]!);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function benchModel(): void {
  const file = modelPath();
  const t0 = performance.now();
  const m = buildModel(readModelFile(file));
  const ms = performance.now() - t0;
  console.log(`model: ${file.split('/').slice(-2).join('/')} ${(statSync(file).size / 1024).toFixed(0)} KB, ${m.features.length.toLocaleString('en')} features; read + build ${ms.toFixed(0)} ms (loaded lazily, on the first analysis)`);
}

/** A whole turn of a meeting: analysis, topic match and the contact machine's reply. */
function benchTurn(): void {
  const engineer = loadCatalog().scenarios.find((s) => s.scenario.default)!.scenario;
  const times: number[] = [];
  let contact = createContact(engineer, 1);
  // Warm up as for analyze(): the steady state of a session, not the JIT's first thousand turns.
  for (let i = 0; i < 5_000; i++) {
    if (contact.current().ended) contact = createContact(engineer, i);
    contact.say(lines[i % lines.length]!);
  }
  for (let i = 0; i < 20_000; i++) {
    if (contact.current().ended) contact = createContact(engineer, i);
    const s = performance.now();
    contact.say(lines[i % lines.length]!);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(`turn (analysis + match + machine): p50 ${(quantile(times, 0.5) * 1000).toFixed(0)} µs, p99 ${(quantile(times, 0.99) * 1000).toFixed(0)} µs (target median ≤ 100 µs)`);
}

function benchAnalyze(): void {
  for (let i = 0; i < 20_000; i++) analyze(lines[i % lines.length]!); // warm up
  const n = 100_000;
  const times: number[] = new Array(n);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    analyze(lines[i % lines.length]!);
    times[i] = performance.now() - s;
  }
  const total = performance.now() - t0;
  times.sort((a, b) => a - b);
  console.log(`analyze(): ${Math.round(n / (total / 1000)).toLocaleString('en')} utterances/s on one core`);
  console.log(`analyze() (form, intents, topics): p50 ${(quantile(times, 0.5) * 1000).toFixed(1)} µs, p99 ${(quantile(times, 0.99) * 1000).toFixed(1)} µs, max ${(times[n - 1]! * 1000).toFixed(0)} µs (target median ≤ 50 µs, p99 < 1 ms)`);
}

/** Median wall time of a command over several runs, in ms. */
function medianMs(cmd: string, args: string[], runs = 15): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    spawnSync(cmd, args, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(runs / 2)]!;
}

function benchStartup(): void {
  const cli = new URL('dist/cli.js', root).pathname;
  const bare = medianMs(process.execPath, ['-e', '0']);
  const version = medianMs(process.execPath, [cli, '--version']);
  console.log(`start-up: node -e 0 ${bare.toFixed(0)} ms; coffeechat --version ${version.toFixed(0)} ms = ${(version / bare).toFixed(2)}× (target ≤ 2×)`);
  const analyzeOne = medianMs(process.execPath, [cli, 'analyze', 'How did you start?']);
  console.log(`start-up: coffeechat analyze TEXT ${analyzeOne.toFixed(0)} ms = ${(analyzeOne / bare).toFixed(2)}×`);
}

/** 1,000 ten-turn scripts built from our own labelled turns, chosen with a fixed seed. */
function scripts(n = 1000, turns = 10): string[] {
  let rng = 12345;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const ls: string[] = [];
    for (let j = 0; j < turns; j++) {
      const [r, next] = nextRandom(rng);
      rng = next;
      ls.push(lines[Math.floor(r * lines.length)]!);
    }
    out.push(ls.join('\n'));
  }
  return out;
}

function benchScoring(): void {
  const engineer = loadCatalog().scenarios.find((s) => s.scenario.default)!;
  const all = scripts();
  // The first pass is a fresh process's (compiling as it goes); the second, a warmed-up server's.
  const passes = [0, 1].map(() => {
    const t0 = performance.now();
    for (const s of all) scoreScript(s, engineer, 1);
    return performance.now() - t0;
  });
  console.log(`score (in process): 1,000 ten-turn scripts in ${passes[0]!.toFixed(0)} ms on the first pass, ${passes[1]!.toFixed(0)} ms warmed up = ${Math.round(1000 / (passes[1]! / 1000)).toLocaleString('en')} scripts/s (target: all in < 2,000 ms)`);
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-'));
  const files = all.map((s, i) => {
    const f = join(dir, `s${String(i).padStart(4, '0')}.txt`);
    writeFileSync(f, s);
    return f;
  });
  const cli = new URL('dist/cli.js', root).pathname;
  const t1 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'score', '--json', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const cliMs = performance.now() - t1;
  const rows = r.stdout.trim().split('\n').length;
  console.log(`score (CLI, whole process): ${rows} files in ${cliMs.toFixed(0)} ms (target: < 2,000 ms)`);
  rmSync(dir, { recursive: true, force: true });
}

function benchPlainStartup(): void {
  const cli = new URL('dist/cli.js', root).pathname;
  const save = join(mkdtempSync(join(tmpdir(), 'cc-bench-')), 'x.json');
  const bare = medianMs(process.execPath, ['-e', '0']);
  const play = medianMs(process.execPath, [cli, 'play', '--plain', '--seed', '1', '--save', save]);
  console.log(`start-up: plain play (briefing to report, empty input) ${play.toFixed(0)} ms = ${(play / bare).toFixed(2)}× node -e 0 (target ≤ 3×)`);
}

/** A folder of 500 transcripts (the cohort fixture copied under 100 names) through `coffeechat report`. */
function benchCohort(): void {
  const src = new URL('test/fixtures/cohort/', root).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'cc-cohort-'));
  const files = ['ana/ana1.json', 'ana/ana2.json', 'ana/ana3.json', 'ben/ben1.json', 'ben/ben2.json'];
  for (let p = 0; p < 100; p++) {
    files.forEach((f, i) => {
      const t = JSON.parse(readFileSync(join(src, f), 'utf8'));
      t.participant = `Student ${String(p).padStart(3, '0')}`;
      writeFileSync(join(dir, `s${p}-${i}.json`), JSON.stringify(t));
    });
  }
  const cli = new URL('dist/cli.js', root).pathname;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'report', dir, '--html', join(dir, 'r.html'), '--csv', join(dir, 'r.csv')], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  console.log(`report: 500 transcripts, 100 participants, HTML + CSV in ${ms.toFixed(0)} ms (exit ${r.status}; target: seconds)`);
  rmSync(dir, { recursive: true, force: true });
}

/** One step of a pty run: optionally wait, send keys, then wait until the screen text matches. */
interface PtyStep {
  pause?: number;
  send?: string;
  until: RegExp;
}

/**
 * One run of a command in a pseudo-terminal of 80×24 (util-linux `script`, no native modules).
 * Each step's time runs from sending its keys (the first step: from the spawn) until the output
 * since then, stripped of escape codes, matches; the bytes are what the program wrote meanwhile.
 */
async function inPty(command: string, steps: PtyStep[], env: NodeJS.ProcessEnv): Promise<Array<{ ms: number; bytes: number }>> {
  const child = spawn('script', ['-qfec', `stty cols 80 rows 24; exec ${command}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  let out = '';
  let bytes = 0;
  let check = () => {};
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    bytes += d.length;
    check();
  });
  const results: Array<{ ms: number; bytes: number }> = [];
  const start = performance.now();
  try {
    for (const step of steps) {
      if (step.pause) await new Promise((r) => setTimeout(r, step.pause));
      const from = out.length;
      const bytesBefore = bytes;
      const t0 = step.send === undefined ? start : performance.now();
      if (step.send !== undefined) child.stdin.write(step.send);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${step.until}: ${stripVTControlCharacters(out.slice(from))}`)), 10_000);
        check = () => {
          if (step.until.test(stripVTControlCharacters(out.slice(from)))) {
            clearTimeout(timer);
            check = () => {};
            resolve();
          }
        };
        check();
      });
      results.push({ ms: performance.now() - t0, bytes: bytes - bytesBefore });
    }
  } finally {
    child.stdin.end('\u0003');
    await new Promise((r) => {
      if (child.exitCode !== null) r(null);
      else child.on('close', r);
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    });
  }
  return results;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The terminal UI through a real pty, against bare node through the same pty in the same run:
 * time to the picker's first frame (bare: node's first output), the echo of a key typed the
 * moment the picker appears, and of a key typed once the screen has settled (bare: a raw-mode
 * node echoing its input), in the picker and in the meeting.
 */
async function benchTui(runs = 9): Promise<void> {
  if (spawnSync('script', ['--version']).status !== 0) {
    console.log('tui: skipped (util-linux `script` is not installed)');
    return;
  }
  const cli = new URL('dist/cli.js', root).pathname;
  const node = process.execPath;
  const xdg = mkdtempSync(join(tmpdir(), 'cc-bench-tui-'));
  const echoJs = join(xdg, 'echo.cjs');
  writeFileSync(echoJs, "process.stdin.setRawMode(true); process.stdout.write('ready'); process.stdin.on('data', (d) => { if (String(d).includes('\\u0003')) process.exit(0); process.stdout.write('got:' + d); });\n");
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', XDG_DATA_HOME: xdg, NO_COLOR: '1' };
  const settle = 200;
  const names = ['bareFirst', 'bareEcho', 'frame', 'firstKey', 'settledKey', 'meetingKey', 'meetingBytes'] as const;
  const m = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<(typeof names)[number], number[]>;
  for (let i = 0; i < runs; i++) {
    const bare = await inPty(`${node} ${echoJs}`, [{ until: /ready/ }, { pause: settle, send: 'x', until: /got:x/ }], env);
    m.bareFirst.push(bare[0]!.ms);
    m.bareEcho.push(bare[1]!.ms);
    const picker = await inPty(`${node} ${cli}`, [{ until: /Choose a practice meeting[\s\S]*Policy analyst/ }, { send: 'x', until: /Filter: x/ }, { pause: settle, send: 'y', until: /Filter: xy/ }], env);
    m.frame.push(picker[0]!.ms);
    m.firstKey.push(picker[1]!.ms);
    m.settledKey.push(picker[2]!.ms);
    const meeting = await inPty(`${node} ${cli} play startup-engineer`, [{ until: /Press Enter to start/ }, { send: '\r', until: /you>/ }, { pause: settle, send: 'w', until: /you> w/ }], env);
    m.meetingKey.push(meeting[2]!.ms);
    m.meetingBytes.push(meeting[2]!.bytes);
  }
  rmSync(xdg, { recursive: true, force: true });
  const med = Object.fromEntries(names.map((k) => [k, median(m[k])])) as Record<(typeof names)[number], number>;
  console.log(`tui (pty 80×24, median of ${runs}): picker first frame ${med.frame.toFixed(0)} ms; bare node first output ${med.bareFirst.toFixed(0)} ms (${(med.frame / med.bareFirst).toFixed(2)}×)`);
  console.log(`tui: first keystroke echo, typed the moment the picker appears: ${med.firstKey.toFixed(0)} ms`);
  console.log(`tui: keystroke echo once settled: picker ${med.settledKey.toFixed(1)} ms, meeting input ${med.meetingKey.toFixed(1)} ms (${med.meetingBytes} bytes per key); bare raw-mode node echo ${med.bareEcho.toFixed(1)} ms`);
}

benchModel();
benchAnalyze();
benchTurn();
benchStartup();
benchScoring();
benchPlainStartup();
benchCohort();
await benchTui();
