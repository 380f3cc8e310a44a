import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** The language data folder of a checkout. */
export const DATA_DIR = root('data/nlu');
/** The model file `npm run train` writes. */
export const MODEL_FILE = root('models/nlu.json');

/** The code that shapes the model: a change to any of it makes the model stale too. */
const TRAINER_SOURCES = ['src/nlu-data/train.ts', 'src/nlu/features.ts', 'src/nlu/normalize.ts', 'src/nlu/form.ts', 'src/nlu/words.ts', 'src/nlu/model.ts', 'src/nlu/embeddings.ts'];

/** The fingerprint stored in the model: the data files' hash and the trainer's sources. */
export function dataFingerprint(dataHash: string): string {
  const h = createHash('sha256').update(dataHash);
  for (const f of TRAINER_SOURCES) h.update(`${f}\0${readFileSync(root(f), 'utf8').replace(/\r\n/g, '\n')}\0`);
  return h.digest('hex');
}
