import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers.js';

const minimal = readFileSync(new URL('../fixtures/scenarios/minimal.yaml', import.meta.url), 'utf8');

describe('coffeechat scenarios', () => {
  it('list --json: one array of {id,title,file,default}, exactly one default', () => {
    const r = run(['scenarios', 'list', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'title', 'file', 'default']);
    expect(rows.filter((x) => x.default)).toEqual([{ id: 'startup-engineer', title: 'Software engineer at a startup', file: 'scenarios/startup-engineer.yaml', default: true }]);
  });

  it('validate: exit 0 for good files, 1 with compiler-style errors for bad ones (all reported)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-val-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, minimal.replace('difficulty: easy', 'difficulty: eazy').replace('  years: 6', '  yeers: 6'));
    const good = join(dir, 'good.yaml');
    writeFileSync(good, minimal);
    expect(run(['scenarios', 'validate', good])).toMatchObject({ code: 0, stdout: `${good}: ok\n` });
    const r = run(['scenarios', 'validate', good, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:6:13: error[SC014]: difficulty is 'eazy'`);
    expect(r.stderr).toContain(`${bad}:14:3: error[SC012]: unknown key 'yeers' in persona`);
    expect(r.stderr).toContain("hint: did you mean 'years'?");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('validate: a missing file and a binary file are clean errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-val-'));
    const bin = join(dir, 'bin.yaml');
    writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    const r = run(['scenarios', 'validate', join(dir, 'nope.yaml'), bin]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.yaml:1:1: error[SC006]: cannot read file: no such file');
    expect(r.stderr).toContain('bin.yaml:1:1: error[SC002]: this is not a text file');
  });

  it('--scenarios DIR and $COFFEECHAT_SCENARIOS add user scenarios; a broken one is reported and skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-user-'));
    writeFileSync(join(dir, 'tiny.yaml'), minimal);
    writeFileSync(join(dir, 'broken.yaml'), 'id: [\n');
    for (const r of [run(['scenarios', 'list', '--json', '--scenarios', dir]), run(['scenarios', 'list', '--json'], undefined, { COFFEECHAT_SCENARIOS: dir })]) {
      expect(r.code).toBe(0);
      const ids = (JSON.parse(r.stdout) as Array<{ id: string }>).map((x) => x.id);
      expect(ids).toContain('tiny-baker');
      expect(ids).toContain('startup-engineer');
      expect(r.stderr).toContain('broken.yaml:');
    }
  });

  it('schema prints the JSON Schema (draft-07, stable $id); --modeline the line for editors', () => {
    const r = run(['scenarios', 'schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: 'urn:coffeechat:scenario-schema:1', title: 'coffeechat scenario', type: 'object' });
    const m = run(['scenarios', 'schema', '--modeline']);
    expect(m).toMatchObject({ code: 0, stdout: `# yaml-language-server: $schema=${join(ROOT, 'scenarios', 'scenario.schema.json')}\n` });
  });

  it('validate --json: one object per file with every diagnostic; - reads standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-val-'));
    const good = join(dir, 'good.yaml');
    writeFileSync(good, minimal);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, minimal.replace('difficulty: easy', 'difficulty: eazy'));
    const r = run(['scenarios', 'validate', '--json', good, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toEqual([
      { file: good, ok: true, errors: 0, warnings: 0, diagnostics: [] },
      { file: bad, ok: false, errors: 1, warnings: 0, diagnostics: [{ line: 6, col: 13, severity: 'error', code: 'SC014', message: "difficulty is 'eazy'; it must be one of easy, medium, hard", hint: "did you mean 'easy'?" }] },
    ]);
    expect(run(['scenarios', 'validate', '-'], minimal)).toMatchObject({ code: 0, stdout: '-: ok\n' });
    // A UTF-8 byte-order mark (Windows editors) is not a syntax error.
    expect(run(['scenarios', 'validate', '-'], `\ufeff${minimal}`)).toMatchObject({ code: 0, stdout: '-: ok\n' });
  });

  it('validate warns when a scenario takes the id of a shipped one (it would be skipped)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-val-'));
    const clash = join(dir, 'clash.yaml');
    writeFileSync(clash, minimal.replace('id: tiny-baker', 'id: startup-engineer'));
    const r = run(['scenarios', 'validate', clash]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${clash}:2:5: warning[SC031]: scenario id 'startup-engineer' is already used by the shipped scenarios/startup-engineer.yaml; this scenario would be skipped`);
    // The shipped file itself is no clash.
    expect(run(['scenarios', 'validate', join(ROOT, 'scenarios', 'startup-engineer.yaml')])).toMatchObject({ code: 0, stderr: '' });
  });

  it('usage errors exit 2', () => {
    expect(run(['scenarios']).code).toBe(2);
    expect(run(['scenarios', 'frob']).stderr).toContain("unknown sub-command 'frob'");
  });
});
