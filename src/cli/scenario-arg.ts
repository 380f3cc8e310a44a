import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { didYouMean } from '../scenario/diagnostics.js';
import { loadScenarioFile } from '../scenario/load.js';
import { defaultScenario, findScenario, loadCatalog, userDirs, type LoadedScenario } from '../scenario/registry.js';
import { InputError, UsageError } from './command.js';
import { reportDiagnostics } from './scenarios.js';

/**
 * Resolve a scenario argument — an id from the catalog, a path to a YAML file, or the default —
 * and return it with every scenario found (default first, for the picker).
 * Broken user scenarios are reported on stderr and skipped; a bad explicit file is an InputError.
 */
export function resolveScenario(arg: string | undefined, scenariosFlag: unknown): { loaded: LoadedScenario; all: LoadedScenario[] } {
  if (arg && /\.ya?ml$/i.test(arg) && existsSync(arg)) {
    const r = loadScenarioFile(arg);
    const errors = reportDiagnostics(r.diagnostics.map((d) => ({ ...d, ...(r.source !== undefined ? { source: r.source } : {}) })));
    if (errors || !r.scenario || !r.hash || r.source === undefined) throw new InputError(`${arg}: not a valid scenario`);
    const loaded = { scenario: r.scenario, file: arg, path: resolve(arg), shipped: false, hash: r.hash, source: r.source };
    return { loaded, all: [loaded] };
  }
  const cat = loadCatalog(userDirs(scenariosFlag as string[] | undefined));
  reportDiagnostics(cat.diagnostics);
  if (!arg) {
    const d = defaultScenario(cat);
    if (!d) throw new InputError('no scenarios found');
    // The default first, so the picker opens on it.
    return { loaded: d, all: [d, ...cat.scenarios.filter((s) => s !== d)] };
  }
  const found = findScenario(cat, arg);
  if (found) return { loaded: found, all: cat.scenarios };
  const guess = didYouMean(arg, cat.scenarios.map((s) => s.scenario.id));
  throw new UsageError(`unknown scenario '${arg}'${guess ? ` (did you mean '${guess}'?)` : ''}; see 'coffeechat scenarios list'`);
}
