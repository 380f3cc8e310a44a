// Bundles the CLI with esbuild: one ESM file for start-up speed, with the Ink UI split into a
// lazily loaded chunk so plain mode, `analyze` and `score` never load React or Ink.
import { build } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';
import { writeNotices } from './notices.mjs';

await rm('dist', { recursive: true, force: true });
const main = await build({
  entryPoints: { cli: 'src/cli/bin.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  jsx: 'automatic',
  // Ink only imports this in dev-tools mode; it is not installed and must not be bundled.
  external: ['react-devtools-core'],
  banner: {
    js: "import { createRequire as __coffeechatRequire } from 'node:module'; const require = __coffeechatRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  // Licence texts go in one file (below) rather than scattered comments.
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
await writeNotices(main.metafile, 'dist/THIRD-PARTY-NOTICES.txt');
// The bin needs a shebang and the executable bit.
const { readFile, writeFile } = await import('node:fs/promises');
const cli = await readFile('dist/cli.js', 'utf8');
await writeFile('dist/cli.js', `#!/usr/bin/env node\n${cli}`);
await chmod('dist/cli.js', 0o755);

// Validate the shipped scenarios and rubric once, here, and cache them by content hash for fast start-up.
for (const entry of ['src/scenario/cache-build.ts', 'src/scoring/rubric-cache-build.ts']) {
  await build({
    entryPoints: [entry],
    outfile: 'dist/.cache-build.mjs',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    logLevel: 'warning',
  });
  try {
    await import(`${new URL('../dist/.cache-build.mjs', import.meta.url).href}?${entry}`);
  } finally {
    await rm('dist/.cache-build.mjs', { force: true });
  }
}
