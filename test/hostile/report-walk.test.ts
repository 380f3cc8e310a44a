import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCohortHtml, renderCohortText } from '../../src/report/cohort-render.js';
import { buildCohort, reportFiles } from '../../src/report/cohort.js';
import { loadCatalog } from '../../src/scenario/registry.js';
import { run } from '../helpers.js';

const cat = loadCatalog();
const fixtures = new URL('../fixtures/cohort/ana', import.meta.url).pathname;
const letter = (participant: string, total = 50) => JSON.stringify({ kind: 'outreach', participant, total, checks: [{ id: 'identity', passed: false }] });

/** A folder with Ana's three transcripts. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-walk-'));
  cpSync(fixtures, join(dir, 'ana'), { recursive: true });
  return dir;
}

describe('report folder walk', () => {
  it('does not follow symlinks: a loop counts nothing twice, a dangling link is a warning', () => {
    const dir = folder();
    symlinkSync('..', join(dir, 'ana', 'loop'));
    symlinkSync(dir, join(dir, 'again'));
    symlinkSync(join(dir, 'nowhere.json'), join(dir, 'dangling.json'));
    const c = buildCohort(dir, cat);
    expect(c.attempts).toHaveLength(3);
    expect(c.errors).toEqual([]);
    expect(c.warnings.filter((w) => /symbolic link/.test(w)).sort()).toEqual([
      'again: a symbolic link; not followed',
      'ana/loop: a symbolic link; not followed',
      'dangling.json: a symbolic link; not followed',
    ]);
  });

  it('skips what is not a regular file, and (as a normal user) a folder it cannot read, with a warning', () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'x.json'), '{}');
    chmodSync(locked, 0o000);
    try {
      const c = buildCohort(dir, cat);
      expect(c.attempts).toHaveLength(3);
      expect(c.warnings).toContain('pipe.json: is a named pipe (FIFO), not a regular file; skipped');
      // root reads every folder; everyone else gets the warning.
      if (process.getuid?.() !== 0) expect(c.warnings).toContain('locked: cannot read this folder (permission denied); skipped');
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('validates every .jsonl record: a null line or a bad record is one error, the rest still count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-walk-'));
    writeFileSync(join(dir, 'results.jsonl'), ['null', letter('Bo'), '[1]', '{"kind":"outreach","total":"lots","checks":[]}', 'not json', letter('Cy'), ''].join('\n'));
    const c = buildCohort(dir, cat);
    expect(c.letters.map((l) => l.participant)).toEqual(['Bo', 'Cy']);
    expect(c.errors).toEqual([
      'results.jsonl:1: not an outreach or follow-up result (a JSON object was expected, not null)',
      'results.jsonl:3: not an outreach or follow-up result (a JSON object was expected, not a list)',
      'results.jsonl:4: not an outreach or follow-up result (total: Invalid input: expected number, received string)',
      'results.jsonl:5: not valid JSON',
    ]);
  });

  it('says when it stops at the file cap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-walk-'));
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `r${i}.jsonl`), letter(`p${i}`));
    const w = reportFiles(dir, 3);
    expect(w.files.map((f) => f.slice(dir.length + 1))).toEqual(['r0.jsonl', 'r1.jsonl', 'r2.jsonl']);
    expect(w.capped).toBe(true);
    expect(w.warnings).toEqual([`stopped after 3 files: the rest of ${dir} was not read (report on a smaller folder)`]);
  });

  it('orders participants by code unit, whatever the locale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-walk-'));
    writeFileSync(join(dir, 'r.jsonl'), ['zoe', 'Émile', 'Zoe', 'ana', 'Ana', 'ıvan'].map((p) => letter(p)).join('\n'));
    expect(buildCohort(dir, cat).participants.map((p) => p.name)).toEqual(['Ana', 'Zoe', 'ana', 'zoe', 'Émile', 'ıvan']);
    for (const LANG of ['C', 'tr_TR.UTF-8', 'sv_SE.UTF-8']) {
      const r = run(['report', '--json', dir], undefined, { LANG, LC_ALL: LANG });
      expect((JSON.parse(r.stdout) as { participants: Array<{ name: string }> }).participants.map((p) => p.name), LANG).toEqual(['Ana', 'Zoe', 'ana', 'zoe', 'Émile', 'ıvan']);
    }
  });

  it('50,000 participants: linear, no stack overflow, text and HTML in well under 2 s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-walk-'));
    writeFileSync(join(dir, 'many.jsonl'), Array.from({ length: 50_000 }, (_, i) => letter(`p${i}`, i % 101)).join('\n'));
    const t0 = performance.now();
    const c = buildCohort(dir, cat);
    const text = renderCohortText(c);
    const html = renderCohortHtml(c);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(c.participants).toHaveLength(50_000);
    expect(text.split('\n').length).toBeGreaterThan(50_000);
    expect(html.length).toBeGreaterThan(50_000);
  });
});
