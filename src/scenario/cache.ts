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

/** File name of the validated shipped rubric, written next to the bundle by `npm run build`. */
export const RUBRIC_CACHE_FILE = 'rubric-cache.json';

let rubricCache: { hash: string; data: unknown } | null | undefined;

/**
 * The shipped rubric as validated at build time, when `hash` (the sha256 of the rubric file being
 * read) is the shipped file's: a counselor's edited copy misses and is validated in full.
 */
export function cachedRubric(root: string, hash: string): unknown {
  if (rubricCache === undefined) {
    try {
      rubricCache = JSON.parse(readFileSync(join(root, 'dist', RUBRIC_CACHE_FILE), 'utf8')) as { hash: string; data: unknown };
    } catch {
      rubricCache = null;
    }
  }
  return rubricCache?.hash === hash ? structuredClone(rubricCache.data) : undefined;
}

/** sha256 of bytes, hex. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
