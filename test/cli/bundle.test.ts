import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const dist = join(ROOT, 'dist');
const files = ['cli.js', ...readdirSync(join(dist, 'chunks')).map((f) => `chunks/${f}`)];
const source = (f: string) => readFileSync(join(dist, f), 'utf8');

/** Files reachable from `entry` through static imports only (dynamic import() is lazy). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
    for (const m of source(f).matchAll(/^import\s[^;]*?from\s*"(\.[^"]+)"|^import\s*"(\.[^"]+)"/gm)) {
      const rel = (m[1] ?? m[2])!;
      const target = join(dir, rel).replace(/^\.\//, '');
      visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe('bundle', () => {
  it('Ink is only reachable through a dynamic import: plain mode, analyze and score never load it', () => {
    // Ink's own code, not a mention of its name (cli.js embeds package.json for --version).
    const inkFiles = files.filter((f) => /\b(var|function) useStdin\b/.test(source(f)));
    expect(inkFiles.length).toBeGreaterThan(0);
    for (const cmd of ['play', 'score', 'analyze', 'scenarios']) {
      const chunk = files.find((f) => f.startsWith(`chunks/${cmd}-`));
      expect(chunk, cmd).toBeDefined();
      const closure = staticClosure(chunk!);
      // The walk must really follow imports (else this test would pass on an empty closure).
      expect(closure.size, `${cmd} imports nothing?`).toBeGreaterThan(1);
      for (const f of inkFiles) expect(closure.has(f), `${cmd} statically loads ${f}`).toBe(false);
    }
    const play = staticClosure(files.find((f) => f.startsWith('chunks/play-'))!);
    expect([...play].some((f) => source(f).includes('coffeechat-transcript')), 'play reaches the session code').toBe(true);
    const top = staticClosure('cli.js');
    for (const f of inkFiles) expect(top.has(f)).toBe(false);
  });
});
