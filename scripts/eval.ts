// npm run eval: measures the language layer; never trains the shipped model.
//   npm run eval                 held-out split of our corpus, blind rounds, topic test set, dev set
//   npm run eval -- --cv 5       plus k-fold cross-validation over the training split (retrains k times)
//   npm run eval -- FILE.tsv     one labelled TSV (text, form, intents[, topic]) with every miss
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useModelFile } from '../src/nlu/knowledge.js';
import { probeTopic } from '../src/engine/probe.js';
import { analyze } from '../src/nlu/index.js';
import { loadCatalog } from '../src/scenario/registry.js';
import { intentProbabilities } from '../src/nlu/analyze.js';
import { letterLabels, letterProbabilities } from '../src/nlu/letter-labels.js';
import { INTENTS, LETTER_LABELS } from '../src/nlu/types.js';
import { DATA_DIR } from '../src/nlu-data/fingerprint.js';
import { isHeldOut, loadLanguageData } from '../src/nlu-data/load.js';
import { trainModel } from '../src/nlu-data/train.js';

interface Row {
  text: string;
  form?: string;
  intents?: string[];
  topic?: string | null;
}

interface Counts {
  n: number;
  formOk: number;
  formN: number;
  topicOk: number;
  topicN: number;
  tp: Map<string, number>;
  fp: Map<string, number>;
  fn: Map<string, number>;
  confusion: Map<string, number>;
  misses: string[];
}

const inc = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
const fresh = (): Counts => ({ n: 0, formOk: 0, formN: 0, topicOk: 0, topicN: 0, tp: new Map(), fp: new Map(), fn: new Map(), confusion: new Map(), misses: [] });

function score(rows: Row[], c = fresh()): Counts {
  for (const r of rows) {
    const a = analyze(r.text);
    c.n++;
    if (r.form) {
      c.formN++;
      if (a.form === r.form) c.formOk++;
      else c.misses.push(`form  ${r.form} → ${a.form}: ${r.text}   [${a.why}]`);
    }
    if (r.intents) {
      for (const i of INTENTS) {
        const got = a.intents.includes(i);
        const want = r.intents.includes(i);
        if (got && want) inc(c.tp, i);
        else if (got) {
          inc(c.fp, i);
          c.misses.push(`+${i}: ${r.text}   [${a.why}]`);
        } else if (want) {
          inc(c.fn, i);
          c.misses.push(`-${i}: ${r.text}   [${a.why}]`);
        }
      }
    }
    if (r.topic) {
      c.topicN++;
      const got = a.topics[0]?.id ?? 'none';
      if (got === r.topic) c.topicOk++;
      else {
        inc(c.confusion, `${r.topic} → ${got}`);
        c.misses.push(`topic ${r.topic} → ${got}: ${r.text}`);
      }
    }
  }
  return c;
}

const f3 = (x: number) => x.toFixed(3);
function report(name: string, c: Counts, showMisses = false) {
  console.log(`\n== ${name}: ${c.n} lines`);
  if (c.formN) console.log(`form accuracy ${f3(c.formOk / c.formN)} (${c.formOk}/${c.formN})`);
  if (c.topicN) console.log(`topic top-1   ${f3(c.topicOk / c.topicN)} (${c.topicOk}/${c.topicN})`);
  for (const i of INTENTS) {
    const t = c.tp.get(i) ?? 0;
    const p = c.fp.get(i) ?? 0;
    const n = c.fn.get(i) ?? 0;
    if (t + p + n === 0) continue;
    console.log(`${i.padEnd(13)} precision ${f3(t + p ? t / (t + p) : 1)}  recall ${f3(t + n ? t / (t + n) : 1)}  (tp ${t}, fp ${p}, fn ${n})`);
  }
  const worst = [...c.confusion].sort((a, b) => b[1] - a[1]).slice(0, 6);
  if (worst.length) console.log(`worst topic confusions: ${worst.map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  if (showMisses && c.misses.length) console.log(c.misses.map((m) => `  ${m}`).join('\n'));
}

function readTsv(file: string): Row[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/);
  const cols = (header ?? '').split('\t').map((h) => h.trim());
  return lines
    .filter((l) => l.trim())
    .map((l) => {
      const cells = l.split('\t');
      const get = (name: string) => {
        const k = cols.indexOf(name);
        return k < 0 ? undefined : (cells[k] ?? '').trim();
      };
      const intents = get('intents');
      const topic = get('topic');
      return {
        text: cells[0] ?? '',
        form: get('form'),
        ...(intents !== undefined ? { intents: intents === '-' || intents === '' ? [] : intents.split(',').map((s) => s.trim()) } : {}),
        ...(topic !== undefined ? { topic: topic === '-' || topic === '' ? null : topic } : {}),
      };
    });
}

function letterReport(name: string, rows: Array<{ text: string; labels: string[] }>, showMisses: boolean) {
  const tp = new Map<string, number>(), fp = new Map<string, number>(), fn = new Map<string, number>();
  const misses: string[] = [];
  let exact = 0;
  for (const r of rows) {
    const got = letterLabels(r.text);
    if (got.length === r.labels.length && got.every((g) => r.labels.includes(g))) exact++;
    for (const l of LETTER_LABELS) {
      const g = (got as string[]).includes(l);
      const w = r.labels.includes(l);
      if (g && w) inc(tp, l);
      else if (g) {
        inc(fp, l);
        misses.push(`+${l}: ${r.text}`);
      } else if (w) {
        inc(fn, l);
        misses.push(`-${l}: ${r.text}`);
      }
    }
  }
  console.log(`\n== ${name}: ${rows.length} sentences, all labels right ${f3(exact / (rows.length || 1))}`);
  let T = 0, P = 0, N = 0;
  for (const l of LETTER_LABELS) {
    const t = tp.get(l) ?? 0, p = fp.get(l) ?? 0, n = fn.get(l) ?? 0;
    T += t; P += p; N += n;
    if (t + p + n) console.log(`${l.padEnd(14)} precision ${f3(t + p ? t / (t + p) : 1)}  recall ${f3(t + n ? t / (t + n) : 1)}  (tp ${t}, fp ${p}, fn ${n})`);
  }
  console.log(`micro          precision ${f3(T / (T + P || 1))}  recall ${f3(T / (T + N || 1))}`);
  if (showMisses) console.log(misses.map((m) => `  ${m}`).join('\n'));
}

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const cvAt = args.indexOf('--cv');
const files = args.filter((a, i) => !a.startsWith('--') && !(cvAt >= 0 && i === cvAt + 1));
/** A labelled letters file (`text<TAB>labels`), one sentence per row. */
function readLetterTsv(file: string): Array<{ text: string; labels: string[] }> {
  return readFileSync(file, 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim()).map((l) => {
    const [text = '', labels = '-'] = l.split('\t');
    return { text, labels: labels === '-' ? [] : labels.split(',').map((s) => s.trim()) };
  });
}
/** Whether a TSV holds letter sentences (its header is `text<TAB>labels`) rather than turns. */
const isLetterTsv = (file: string) => /^text\tlabels\s*$/m.test(readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '');

if (files.length) {
  for (const f of files) {
    if (isLetterTsv(f)) letterReport(f, readLetterTsv(f), true);
    else report(f, score(readTsv(f)), true);
  }
} else {
  const data = loadLanguageData(DATA_DIR);
  const held = data.training.held_out;
  const heldRows = data.corpus.filter((e) => isHeldOut(e.text, held));
  report(`held-out split of our corpus (never trained on)`, score(heldRows), showMisses);
  letterReport('held-out letter sentences', data.letters.filter((l) => isHeldOut(l.text, held)), showMisses);
  const evalDir = join(DATA_DIR, '..', 'eval');
  for (const f of existsSync(evalDir) ? readdirSync(evalDir).filter((f) => f.endsWith('.tsv')).sort() : []) {
    if (f.startsWith('letters')) {
      letterReport(`data/eval/${f}`, readLetterTsv(join(evalDir, f)), showMisses);
    } else report(`data/eval/${f}`, score(readTsv(join(evalDir, f))), showMisses);
  }
  // The contact: each topic question asked of every shipped scenario.
  const topicSet = join(evalDir, 'topic-blind.tsv');
  if (existsSync(topicSet)) {
    const rows = readTsv(topicSet).filter((r) => r.topic);
    const { scenarios } = loadCatalog();
    console.log(`\n== the contact on data/eval/topic-blind.tsv (${rows.length} questions × ${scenarios.length} scenarios)`);
    let on = 0, unclear = 0, echoed = 0, n = 0;
    for (const l of scenarios) {
      let o = 0, u = 0;
      const misses = new Map<string, number>();
      for (const r of rows) {
        const p = probeTopic(l.scenario, r.text, r.topic!);
        n++;
        if (p.onTopic) o++;
        else inc(misses, `${r.topic}→${p.topic ?? p.reaction}`);
        if (p.unclear) u++;
        if (p.echoed) echoed++;
      }
      on += o;
      unclear += u;
      const worst = [...misses].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ×${v}`).join(', ');
      console.log(`${l.scenario.id.padEnd(24)} on topic ${f3(o / rows.length)}  unclear ${f3(u / rows.length)}   ${worst}`);
    }
    console.log(`all scenarios             on topic ${f3(on / n)}  unclear ${f3(unclear / n)}  echoed suggestions ${echoed}`);
  }
  const dev = new URL('../../shared/eval/utterances.dev.tsv', import.meta.url).pathname;
  if (existsSync(dev)) report('shared dev set (measured only)', score(readTsv(dev)), showMisses);

  if (cvAt >= 0) {
    const k = Number(args[cvAt + 1] ?? 5);
    const pool = data.corpus.filter((e) => !isHeldOut(e.text, held));
    const total = fresh();
    const probs: Array<{ p: Record<string, number>; gold: string[] }> = [];
    for (let fold = 0; fold < k; fold++) {
      const inFold = (i: number) => i % k === fold;
      const test = pool.filter((_, i) => inFold(i));
      const trainSet = new Set(pool.filter((_, i) => !inFold(i)));
      useModelFile(trainModel(data, (e) => trainSet.has(e), 'cv'));
      score(test, total);
      for (const e of test) probs.push({ p: intentProbabilities(e.text), gold: e.intents });
    }
    // Letter sentences, folded the same way.
    const letterPool = data.letters.filter((l) => !isHeldOut(l.text, held));
    const letterProbs: Array<{ p: Float64Array; gold: string[] }> = [];
    for (let fold = 0; fold < k; fold++) {
      const trainSet = new Set(letterPool.filter((_, i) => i % k !== fold));
      useModelFile(trainModel(data, (e) => !isHeldOut(e.text, held), 'cv', (l) => trainSet.has(l)));
      for (const l of letterPool.filter((_, i) => i % k === fold)) letterProbs.push({ p: letterProbabilities(l.text), gold: l.labels });
    }
    useModelFile(undefined);
    report(`${k}-fold cross-validation over the training split`, total, showMisses);
    // Precision / recall of each intent at other thresholds, to choose training.yml's intent_thresholds.
    const cuts = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
    console.log(`\nintent thresholds (cross-validated): P/R at ${cuts.join(' ')}`);
    for (const i of INTENTS) console.log(`${i.padEnd(13)} ${thresholdRow(cuts, probs.map((r) => ({ p: r.p[i]!, want: r.gold.includes(i) })))}`);
    // The same table for letter elements (to choose training.yml's letter_thresholds).
    console.log(`\nletter element thresholds (cross-validated): P/R at ${cuts.join(' ')}`);
    LETTER_LABELS.forEach((l, j) => console.log(`${l.padEnd(14)} ${thresholdRow(cuts, letterProbs.map((r) => ({ p: r.p[j]!, want: r.gold.includes(l) })))}`));
  }
}

/** Precision/recall of one label at each cut, as "P/R" cells. */
function thresholdRow(cuts: readonly number[], rows: ReadonlyArray<{ p: number; want: boolean }>): string {
  return cuts
    .map((c) => {
      let tp = 0, fp = 0, fn = 0;
      for (const r of rows) {
        const got = r.p >= c;
        if (got && r.want) tp++;
        else if (got) fp++;
        else if (r.want) fn++;
      }
      return `${(tp / (tp + fp || 1)).toFixed(2)}/${(tp / (tp + fn || 1)).toFixed(2)}`;
    })
    .join(' ');
}
