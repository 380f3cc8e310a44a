// Scores the analyzer on a labelled TSV (default: ../shared/eval/utterances.dev.tsv):
// form accuracy, per-intent precision/recall, and the misses. Measures only; never trains.
import { readFileSync } from 'node:fs';
import { analyze } from '../src/nlu/index.js';
import { INTENTS, type Intent } from '../src/nlu/types.js';

const file = process.argv[2] ?? new URL('../../shared/eval/utterances.dev.tsv', import.meta.url).pathname;
const rows = readFileSync(file, 'utf8').split('\n').slice(1).filter((l) => l.trim());
let formOk = 0;
const tp = new Map<Intent, number>(), fp = new Map<Intent, number>(), fn = new Map<Intent, number>();
const inc = (m: Map<Intent, number>, k: Intent) => m.set(k, (m.get(k) ?? 0) + 1);
const misses: string[] = [];
for (const row of rows) {
  const [text = '', form = '', intentCol = '-'] = row.split('\t');
  const gold = new Set(intentCol === '-' ? [] : (intentCol.split(',') as Intent[]));
  const a = analyze(text);
  if (a.form === form) formOk++;
  else misses.push(`form   ${form.padEnd(9)} got ${a.form.padEnd(9)} ${text}\n         why: ${a.why}`);
  for (const i of INTENTS) {
    const got = a.intents.includes(i);
    if (got && gold.has(i)) inc(tp, i);
    else if (got) { inc(fp, i); misses.push(`intent +${i.padEnd(13)} ${text}\n         why: ${a.why}`); }
    else if (gold.has(i)) { inc(fn, i); misses.push(`intent -${i.padEnd(13)} ${text}\n         why: ${a.why}`); }
  }
}
const pct = (x: number) => x.toFixed(3);
console.log(`utterances: ${rows.length}`);
console.log(`form accuracy: ${pct(formOk / rows.length)} (${formOk}/${rows.length})`);
let ok = formOk / rows.length >= 0.95;
for (const i of INTENTS) {
  const t = tp.get(i) ?? 0, p = fp.get(i) ?? 0, n = fn.get(i) ?? 0;
  const precision = t + p ? t / (t + p) : 1, recall = t + n ? t / (t + n) : 1;
  if (precision < 0.95 || recall < 0.95) ok = false;
  console.log(`${i.padEnd(13)} precision ${pct(precision)}  recall ${pct(recall)}  (tp ${t}, fp ${p}, fn ${n})`);
}
if (misses.length) console.log(`\nmisses:\n${misses.join('\n')}`);
console.log(ok ? '\ntargets met' : '\ntargets NOT met');
process.exitCode = ok ? 0 : 1;
