// Build step: validate the shipped rubric (a broken one fails the build) and write
// dist/rubric-cache.json, keyed by the file's bytes, so a start-up reads it without YAML or zod.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256, type CacheEntry } from '../scenario/cache.js';
import { packageRoot } from '../scenario/registry.js';
import { readRubricFile, RUBRIC_CACHE_FILE, RubricError, type RubricData } from './rubric-data.js';

const file = join(packageRoot(), 'data', 'rubric.yml');
try {
  const entries: Array<CacheEntry<RubricData>> = [{ hash: sha256(readFileSync(file)), value: readRubricFile(file) }];
  writeFileSync(join(packageRoot(), 'dist', RUBRIC_CACHE_FILE), JSON.stringify(entries));
} catch (err) {
  console.error(err instanceof RubricError ? err.message : String(err));
  process.exit(1);
}
