import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFile, readModelFile, ModelError } from '../../src/nlu/knowledge.js';
import { DATA_DIR, dataFingerprint } from '../../src/nlu-data/fingerprint.js';
import { loadLanguageData } from '../../src/nlu-data/load.js';
import { trainModel } from '../../src/nlu-data/train.js';
import { run } from '../helpers.js';

describe('the trained language model', () => {
  it('is up to date with data/nlu/ and the trainer (run `npm run train` if this fails)', () => {
    const data = loadLanguageData(DATA_DIR);
    expect(data.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(modelFile().dataHash).toBe(dataFingerprint(data.hash));
  });

  it('training is deterministic: the same data gives the same bytes', () => {
    const data = loadLanguageData(DATA_DIR);
    const some = (e: { line: number }) => e.line % 7 === 0;
    const a = JSON.stringify(trainModel(data, some, 'h', some));
    const b = JSON.stringify(trainModel(data, some, 'h', some));
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(1000);
  });

  it('a missing, corrupt or foreign model file is a clear error naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-model-'));
    expect(() => readModelFile(join(dir, 'none.json'))).toThrow(ModelError);
    expect(() => readModelFile(join(dir, 'none.json'))).toThrow(/none\.json: missing/);
    writeFileSync(join(dir, 'bad.json'), '{"format": "coffeechat-nlu-model", "vers');
    expect(() => readModelFile(join(dir, 'bad.json'))).toThrow(/bad\.json: is not valid JSON/);
    writeFileSync(join(dir, 'other.json'), '{"hello": 1}');
    expect(() => readModelFile(join(dir, 'other.json'))).toThrow(/other\.json: is not a coffeechat language model/);
    const r = run(['analyze', 'are you hiring'], undefined, { COFFEECHAT_MODEL: join(dir, 'bad.json') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`language model ${join(dir, 'bad.json')}: is not valid JSON`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a model whose word vectors are damaged is a clear error naming the file', async () => {
    const { buildModel } = await import('../../src/nlu/model.js');
    const good = modelFile();
    const cut = { ...good, embeddings: { ...good.embeddings!, vectors: good.embeddings!.vectors.slice(0, 100) } };
    expect(() => buildModel(cut, 'cut.json')).toThrow(/cut\.json: the word vectors do not fit their words/);
    const wrong = { ...good, embeddings: { words: 7, vectors: [], weight: 'x' } } as unknown as typeof good;
    expect(() => buildModel(wrong, 'wrong.json')).toThrow(/wrong\.json: the word vectors are malformed/);
    const dense = { ...good, heads: { ...good.heads, topic: { ...good.heads.topic, dense: [1, 2, 3] } } };
    expect(() => buildModel(dense, 'dense.json')).toThrow(/dense\.json: the typical_day… head's word-vector weights do not fit/);
  });

  it('word vectors that do not fit their word list are a diagnostic naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-emb-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'embeddings', 'vectors.i8'), Buffer.alloc(10));
    const bad = loadLanguageData(dir).diagnostics.filter((d) => d.code === 'NL020');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.file).toMatch(/embeddings\/vectors\.i8$/);
    expect(bad[0]!.severity).toBe('error');
  });

  it('bad language data gets file:line:col diagnostics, not a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-data-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    mkdirSync(join(dir, 'corpus'), { recursive: true });
    writeFileSync(join(dir, 'corpus', 'zz-bad.yml'), 'version: 1\nturns:\n  - form: opne\n    examples: |\n      - hello\n');
    writeFileSync(join(dir, 'corpus', 'zz-topic.yml'), 'version: 1\nturns:\n  - form: open\n    topic: typical_dya\n    examples: |\n      - what is a day like\n');
    const data = loadLanguageData(dir);
    const bad = data.diagnostics.filter((d) => /zz-(bad|topic)\.yml$/.test(d.file));
    expect(bad.map((d) => [d.file.split('/').pop(), d.code, d.line, d.col])).toEqual([
      ['zz-bad.yml', 'SC014', 3, 11],
      ['zz-topic.yml', 'NL001', 4, 12],
    ]);
    expect(bad[0]!.hint).toBe("did you mean 'open'?");
  });
});

describe('the run-time features', () => {
  it('count exactly what training counted, for every line of the corpus', async () => {
    const { featuresOf } = await import('../../src/nlu/features.js');
    const { countsOf, currentModel, unitsOf } = await import('../../src/nlu/model.js');
    const m = currentModel();
    const byName = new Map(m.features.map((f, i) => [f, i]));
    const data = loadLanguageData(DATA_DIR);
    let compared = 0;
    for (const text of [...data.corpus.map((e) => e.text), ...data.letters.map((l) => l.text)]) {
      for (const u of unitsOf(text)) {
        const want = [...featuresOf(u.tokens, u.question, m.lookups)]
          .filter(([f]) => byName.has(f))
          .map(([f, c]) => [byName.get(f)!, c] as const)
          .sort((a, b) => a[0] - b[0]);
        const c = countsOf(m, u.tokens, u.question);
        const got = [...c.idx].map((i, k) => [i, c.cnt[k]!] as const).sort((a, b) => a[0] - b[0]);
        expect(got, text).toEqual(want);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(7000);
  });

  it('remember a sentence\'s tokens exactly as a fresh reading gives them, and callers cannot change them', async () => {
    const { normalizeTokens } = await import('../../src/nlu/normalize.js');
    const { lexicon } = await import('../../src/nlu/knowledge.js');
    const data = loadLanguageData(DATA_DIR);
    const shorthand = lexicon().shorthand;
    for (const text of data.corpus.slice(0, 3000).map((e) => e.text)) {
      // An explicit shorthand map bypasses the memo: it is the fresh reading.
      const fresh = normalizeTokens(text, shorthand);
      const first = normalizeTokens(text);
      expect(first, text).toEqual(fresh);
      expect(normalizeTokens(text)).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
    }
  });

  it('hasFeature finds every word, pair and list feature of the model, and no unknown name', async () => {
    const { hasFeature } = await import('../../src/nlu/features.js');
    const { currentModel } = await import('../../src/nlu/model.js');
    const m = currentModel();
    const named = m.features.filter((f) => !f.startsWith('c:'));
    expect(named.length).toBeGreaterThan(1000);
    for (const f of named) expect(hasFeature(m.vocab, f), f).toBe(true);
    for (const f of ['w:zorblyflim', 'w:', 'L:no_such_list', 'b:zorbly_flim']) expect(hasFeature(m.vocab, f), f).toBe(false);
  });
});
