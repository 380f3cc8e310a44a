import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from './schema.js';

/** File name of the validated-scenario cache written next to the bundle by `npm run build`. */
export const CACHE_FILE = 'scenario-cache.json';

/** A cache entry: a shipped file's sha256 and the scenario it validated to. */
export interface CacheEntry {
  hash: string;
  scenario: Scenario;
}

let cache: Map<string, Scenario> | null | undefined;

/**
 * Look up an already validated scenario by the sha256 of its file's bytes. The cache is keyed by
 * content, so an edited file simply misses and goes through the full loader. Returns undefined
 * when there is no cache (running from source) or no entry.
 */
export function cachedScenario(root: string, hash: string): Scenario | undefined {
  if (cache === undefined) {
    try {
      const entries = JSON.parse(readFileSync(join(root, 'dist', CACHE_FILE), 'utf8')) as CacheEntry[];
      cache = new Map(entries.map((e) => [e.hash, e.scenario]));
    } catch {
      cache = null;
    }
  }
  const hit = cache?.get(hash);
  return hit ? (structuredClone(hit) as Scenario) : undefined;
}

/** sha256 of bytes, hex. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
