import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from './schema.js';

/** File name of the validated-scenario cache written next to the bundle by `npm run build`. */
export const CACHE_FILE = 'scenario-cache.json';

/** An entry of a build-time cache: a shipped file's sha256 and what it validated to. */
export interface CacheEntry<T> {
  hash: string;
  value: T;
}

const caches = new Map<string, ReadonlyMap<string, unknown> | null>();

/**
 * What a shipped file validated to when the bundle was built, by the sha256 of its bytes, from the
 * cache `dist/<file>` (a list of CacheEntry) that the build wrote. The cache is keyed by content,
 * so an edited file simply misses and goes through the full loader. Returns undefined when there
 * is no cache (running from source) or no entry; a hit is a copy the caller may change.
 */
export function fromBuildCache<T>(root: string, file: string, hash: string): T | undefined {
  let cache = caches.get(file);
  if (cache === undefined) {
    try {
      const entries = JSON.parse(readFileSync(join(root, 'dist', file), 'utf8')) as Array<CacheEntry<unknown>>;
      cache = new Map(entries.map((e) => [e.hash, e.value]));
    } catch {
      cache = null;
    }
    caches.set(file, cache);
  }
  const hit = cache?.get(hash);
  return hit === undefined ? undefined : (structuredClone(hit) as T);
}

/** An already validated shipped scenario, by the sha256 of its file's bytes (see fromBuildCache). */
export function cachedScenario(root: string, hash: string): Scenario | undefined {
  return fromBuildCache<Scenario>(root, CACHE_FILE, hash);
}

/** sha256 of bytes, hex. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
