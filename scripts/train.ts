// npm run train: learn the language model from data/nlu/ and write models/nlu.json.
// Deterministic: the same data files and trainer give the same bytes. `--check` only tells whether
// models/nlu.json is stale (exit 1), without training.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatDiagnostic } from '../src/scenario/diagnostics.js';
import { DATA_DIR, MODEL_FILE, dataFingerprint } from '../src/nlu-data/fingerprint.js';
import { isHeldOut, loadLanguageData } from '../src/nlu-data/load.js';
import { trainModel } from '../src/nlu-data/train.js';

const data = loadLanguageData(DATA_DIR);
for (const d of data.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
if (data.diagnostics.some((d) => d.severity === 'error')) {
  process.stderr.write('train: the language data has errors; nothing written\n');
  process.exit(1);
}
const hash = dataFingerprint(data.hash);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = (JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as { dataHash?: string }).dataHash ?? '';
  } catch {
    /* missing or corrupt: stale */
  }
  if (current !== hash) {
    process.stderr.write(`${MODEL_FILE} is stale: run 'npm run train'\n`);
    process.exit(1);
  }
  console.log(`${MODEL_FILE} is up to date`);
  process.exit(0);
}
const t0 = performance.now();
const held = data.training.held_out;
const model = trainModel(data, (ex) => !isHeldOut(ex.text, held), hash, (l) => !isHeldOut(l.text, held));
mkdirSync(dirname(MODEL_FILE), { recursive: true });
// ASCII only (\uXXXX escapes): a pure ASCII file decodes and parses faster at every start.
const json = `${JSON.stringify(model).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
writeFileSync(MODEL_FILE, json);
const trained = model.examples.text.length;
console.log(`trained on ${trained} of ${data.corpus.length} turns (${data.corpus.length - trained} held out) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${model.features.split('\n').length} features, ${(json.length / 1024).toFixed(0)} KB → ${MODEL_FILE}`);
