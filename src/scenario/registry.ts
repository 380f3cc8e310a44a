import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedScenario, sha256 } from './cache.js';
import { CODES, type Diagnostic } from './diagnostics.js';
import { loadScenarioFile, MAX_SCENARIO_BYTES } from './load.js';
import { decodeText, readFileCapped } from '../io/read-file.js';
import type { Scenario } from './schema.js';

/** A scenario that loaded cleanly, with where it came from. */
export interface LoadedScenario {
  scenario: Scenario;
  /** Path as shown to users: relative to the project root for shipped ones. */
  file: string;
  /** Absolute path. */
  path: string;
  shipped: boolean;
  hash: string;
  /** Source text, for printing diagnostics with their lines. */
  source: string;
}

/** Everything found in the scenario folders: the good ones, and what was wrong with the rest. */
export interface Catalog {
  scenarios: LoadedScenario[];
  diagnostics: Array<Diagnostic & { source?: string }>;
}

/** Environment variable naming extra scenario folders (separated like PATH). */
export const SCENARIOS_ENV = 'COFFEECHAT_SCENARIOS';

let root: string | undefined;
/** The package root (holds package.json and scenarios/), found by walking up from this module. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if ((JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name === 'coffeechat') return (root = dir);
      } catch {
        // not ours; keep walking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the coffeechat package root');
    dir = up;
  }
}

/** The folder of shipped scenarios. */
export function shippedDir(): string {
  return join(packageRoot(), 'scenarios');
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** User scenario folders: `--scenarios DIR` first, then those in $COFFEECHAT_SCENARIOS. */
export function userDirs(flag?: string | string[]): string[] {
  const fromFlag = flag === undefined ? [] : Array.isArray(flag) ? flag : [flag];
  const fromEnv = (process.env[SCENARIOS_ENV] ?? '').split(delimiter).filter(Boolean);
  return [...fromFlag, ...fromEnv].map((d) => resolve(d));
}

/**
 * Load the shipped scenarios and any user folders. A broken user scenario is reported and skipped;
 * it never stops the others from loading. A user scenario may not reuse a shipped id.
 */
export function loadCatalog(dirs: string[] = []): Catalog {
  const cat: Catalog = { scenarios: [], diagnostics: [] };
  const add = (path: string, shipped: boolean) => {
    const file = shipped ? relative(packageRoot(), path) : relative(process.cwd(), path) || path;
    if (shipped) {
      // Shipped files validated at build time load from the content-addressed cache.
      let bytes: Buffer | undefined;
      try {
        bytes = readFileCapped(path, MAX_SCENARIO_BYTES);
      } catch {
        // the loader below reports it
      }
      const hash = bytes && sha256(bytes);
      const hit = hash && cachedScenario(packageRoot(), hash);
      if (bytes && hash && hit) {
        cat.scenarios.push({ scenario: hit, file, path, shipped, hash, source: decodeText(bytes).text });
        return;
      }
    }
    // Ids already loaded are reserved: the loader warns (SC031) at the id line, and this one is skipped.
    const reservedIds = new Map(cat.scenarios.map((x) => [x.scenario.id, x.file]));
    const r = loadScenarioFile(path, file, { reservedIds });
    for (const d of r.diagnostics) cat.diagnostics.push({ ...d, ...(r.source !== undefined ? { source: r.source } : {}) });
    if (!r.scenario || !r.hash || r.source === undefined) return;
    if (reservedIds.has(r.scenario.id)) return;
    if (!shipped && r.scenario.default) {
      cat.diagnostics.push({ file, line: 1, col: 1, length: 1, severity: 'warning', code: CODES.defaultCount, message: 'only a shipped scenario can be the default; `default: true` is ignored here', source: r.source });
      r.scenario.default = false;
    }
    cat.scenarios.push({ scenario: r.scenario, file, path, shipped, hash: r.hash, source: r.source });
  };
  for (const f of yamlFiles(shippedDir())) add(f, true);
  for (const dir of dirs) {
    try {
      if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      for (const f of yamlFiles(dir)) add(f, false);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      cat.diagnostics.push({ file: dir, line: 1, col: 1, length: 1, severity: 'error', code: CODES.unreadable, message: `cannot read scenario folder: ${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (err as Error).message}` });
    }
  }
  return cat;
}

/** The default scenario of a catalog (the shipped one marked `default: true`). */
export function defaultScenario(cat: Catalog): LoadedScenario | undefined {
  return cat.scenarios.find((s) => s.shipped && s.scenario.default) ?? cat.scenarios.find((s) => s.shipped);
}

/** Find a scenario by id, or by a path to a YAML file. */
export function findScenario(cat: Catalog, idOrPath: string): LoadedScenario | undefined {
  return cat.scenarios.find((s) => s.scenario.id === idOrPath || s.path === resolve(idOrPath));
}
