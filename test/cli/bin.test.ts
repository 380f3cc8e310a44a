import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { CLI } from '../helpers.js';

describe('the bin', () => {
  it('runs through a link whose name is not cli.js (npm bin links, npx, npm link)', () => {
    const bin = join(mkdtempSync(join(tmpdir(), 'cc-bin-')), 'bin');
    mkdirSync(bin);
    const link = join(bin, 'coffeechat');
    symlinkSync(CLI, link);
    const r = spawnSync(link, ['--version'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.status).toBe(0);
  });

  it('importing the CLI module runs nothing (tests and tools can import main)', async () => {
    const before = process.exitCode;
    const { main } = await import('../../src/cli/main.js');
    expect(typeof main).toBe('function');
    expect(process.exitCode).toBe(before);
  });
});
