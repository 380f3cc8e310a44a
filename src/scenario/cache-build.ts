// Build step: validate the shipped scenarios and write dist/scenario-cache.json. A scenario with
// errors fails the build, so a broken shipped file can never be published.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_FILE, type CacheEntry } from './cache.js';
import { formatDiagnostic } from './diagnostics.js';
import { loadScenarioFile } from './load.js';
import { packageRoot, shippedDir } from './registry.js';
import type { Scenario } from './schema.js';

const entries: Array<CacheEntry<Scenario>> = [];
let failed = false;
for (const f of readdirSync(shippedDir()).filter((x) => /\.ya?ml$/.test(x)).sort()) {
  const r = loadScenarioFile(join(shippedDir(), f), `scenarios/${f}`);
  for (const d of r.diagnostics) console.error(formatDiagnostic(d, r.source));
  if (!r.scenario || !r.hash) failed = true;
  else entries.push({ hash: r.hash, value: r.scenario });
}
if (failed) process.exit(1);
writeFileSync(join(packageRoot(), 'dist', CACHE_FILE), JSON.stringify(entries));
