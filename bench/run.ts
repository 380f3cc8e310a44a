// `npm run bench`: speed targets, reported as numbers (not asserted in unit tests).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { analyze } from '../src/nlu/index.js';

const root = new URL('..', import.meta.url);
const lines = readFileSync(new URL('test/fixtures/utterances.tsv', root), 'utf8')
  .split('\n').slice(1).filter(Boolean).map((l) => l.split('\t')[0]!);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function benchAnalyze(): void {
  for (let i = 0; i < 20_000; i++) analyze(lines[i % lines.length]!); // warm up
  const n = 200_000;
  const times: number[] = new Array(n);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    analyze(lines[i % lines.length]!);
    times[i] = performance.now() - s;
  }
  const total = performance.now() - t0;
  times.sort((a, b) => a - b);
  console.log(`analyze(): ${Math.round(n / (total / 1000)).toLocaleString('en')} utterances/s on one core (target ≥ 20,000)`);
  console.log(`analyze(): p50 ${(quantile(times, 0.5) * 1000).toFixed(1)} µs, p99 ${(quantile(times, 0.99) * 1000).toFixed(1)} µs, max ${(times[n - 1]! * 1000).toFixed(0)} µs (target p99 < 1 ms)`);
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

benchAnalyze();
benchStartup();
