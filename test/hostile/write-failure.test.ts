import type * as nodeFs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The disk fills up just as the finished temp file is put in place.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof nodeFs>();
  return {
    ...fs,
    renameSync: () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC' });
    },
  };
});

describe('a write that fails after the temp file was written', () => {
  it('removes the temp file, leaves the old file as it was, and says why', async () => {
    const { WriteProblem, writeOutput } = await import('../../src/io/write-file.js');
    const dir = mkdtempSync(join(tmpdir(), 'cc-fail-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, 'the previous report');
    expect(() => writeOutput(file, 'the new report')).toThrow(new WriteProblem('no space left on the device'));
    expect(readFileSync(file, 'utf8')).toBe('the previous report');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });
});
