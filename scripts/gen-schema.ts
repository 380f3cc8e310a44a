// Writes scenarios/scenario.schema.json from the zod schema. With --check, fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenario/json-schema.js';

const file = new URL('../scenarios/scenario.schema.json', import.meta.url);
const fresh = scenarioJsonSchema();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== fresh) {
    console.error('scenarios/scenario.schema.json is stale: run `npm run schema`');
    process.exit(1);
  }
} else {
  writeFileSync(file, fresh);
  console.log('wrote scenarios/scenario.schema.json');
}
