import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { ROOT } from '../helpers.js';

const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasNpm) console.warn('npm is not on PATH: skipping the pack-and-install test');

const model = readFileSync(new URL('../fixtures/scripts/model-meeting.txt', import.meta.url), 'utf8');

/**
 * Pack the package as it would be published, install the tarball globally into a temporary
 * prefix, and run the command through npm's bin link, as a user would.
 */
describe.skipIf(!hasNpm)('the packed package, installed with npm install -g', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cc-install-'));
  const prefix = join(tmp, 'prefix');
  // A private npm cache: the test must not read or write the user's ~/.npm.
  const env = { ...process.env, npm_config_cache: join(tmp, 'npm-cache'), npm_config_update_notifier: 'false', NO_COLOR: '1', FORCE_COLOR: '' };
  let tarball = '';
  let bin = '';

  beforeAll(() => {
    // dist/ is already built by the global setup; --ignore-scripts keeps pack from rebuilding it
    // under the feet of the other test files.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT, env, encoding: 'utf8' })) as Array<{ filename: string }>;
    tarball = join(tmp, packed[0]!.filename);
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: tmp, env, encoding: 'utf8', stdio: 'pipe' });
    bin = join(prefix, 'bin', 'coffeechat');
  }, 120_000);

  it('installs one package with no dependencies, a few MB, with its licences and docs', () => {
    const installed = join(prefix, 'lib', 'node_modules', 'coffeechat');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    // The bundle (~0.5 MB compressed) and the language model (~2.3 MB compressed: weights over
    // 45,000 features, word vectors, and the training examples behind "closest to" explanations).
    // Pruning more features to shrink it costs accuracy (prune_below 16: held-out topic .887 → .881).
    expect(statSync(tarball).size).toBeLessThan(3 * 1024 * 1024);
    for (const f of ['LICENSE', 'README.md', 'dist/cli.js', 'dist/THIRD-PARTY-NOTICES.txt', 'docs/diagnostics.md', 'docs/writing-scenarios.md', 'scenarios/scenario.schema.json']) {
      expect(existsSync(join(installed, f)), f).toBe(true);
    }
    const notices = readFileSync(join(installed, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['ink', 'natural', 'react', 'xstate', 'yaml', 'zod']) expect(notices).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ — (MIT|ISC)$`, 'm'));
    expect(notices).toContain('GloVe');
    // The unpacked package stays small: the bundle, the scenarios, the docs.
    const size = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((s, f) => s + size(join(p, f)), 0) : statSync(p).size);
    // A few MB: the bundle (~2 MB), the language model (~3 MB), scenarios and docs.
    expect(size(installed)).toBeLessThan(8 * 1024 * 1024);
  });

  it('coffeechat --version through the bin link', () => {
    const r = spawnSync(bin, ['--version'], { env, encoding: 'utf8' });
    expect(r).toMatchObject({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('coffeechat scenarios list through the bin link', () => {
    const r = spawnSync(bin, ['scenarios', 'list'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\* startup-engineer +easy +20 min video +Software engineer at a startup$/m);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(6);
  });

  it('a piped plain meeting through the bin link, saved where asked', () => {
    const save = join(tmp, 'meeting.json');
    const r = spawnSync(bin, ['play', '--seed', '4', '--save', save], { env, input: model, encoding: 'utf8', cwd: tmp });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Score: 100/100 — the meeting ended gracefully');
    expect(JSON.parse(readFileSync(save, 'utf8'))).toMatchObject({ format: 'coffeechat-transcript', seed: 4 });
  });
});
