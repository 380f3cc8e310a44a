import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCohort } from '../../src/report/cohort.js';
import { renderCohortCsv, renderCohortHtml, sparkline } from '../../src/report/cohort-render.js';
import { loadCatalog } from '../../src/scenario/registry.js';
import { run } from '../helpers.js';

const dir = new URL('../fixtures/cohort/', import.meta.url).pathname;
const cat = loadCatalog();

describe('cohort', () => {
  const c = buildCohort(dir, cat);

  it('reads every transcript and message result, with no errors', () => {
    expect(c.errors).toEqual([]);
    expect(c.attempts).toHaveLength(6);
    expect(c.letters.map((l) => [l.participant, l.kind, l.total])).toEqual([
      ['Ana', 'outreach', 22],
      ['Ben', 'outreach', 100],
      ['Ben', 'followup', 100],
    ]);
  });

  it('orders each participant’s attempts by when they were played and measures progress', () => {
    expect(c.participants.map((p) => [p.name, p.totals, p.average, p.best, p.progress])).toEqual([
      ['Ana', [26, 81, 100], 69, 100, 74],
      ['Ben', [71, 92], 82, 92, 21],
      ['Chloe', [98], 98, 98, 0],
    ]);
  });

  it('averages each dimension as a share of its maximum, for the group and per participant', () => {
    expect(c.group).toEqual({ average: 78, percent: { open_questions: 72, time_discipline: 88, no_job_ask: 83, referrals: 60, professionalism: 88 } });
    expect(c.participants[0]!.percent).toEqual({ open_questions: 53, time_discipline: 83, no_job_ask: 67, referrals: 62, professionalism: 91 });
  });

  it('counts the most common mistakes with examples, meetings and messages alike', () => {
    expect(c.mistakes[0]).toEqual({ kind: 'closed_question', label: 'Closed (yes/no) questions', count: 5, participants: 2, examples: ['Do you like your job?', 'Is it stressful?', 'Do you have any advice for me?'] });
    expect(c.mistakes.find((m) => m.kind === 'job_ask')).toMatchObject({ count: 1, examples: ['Are you hiring right now?'] });
    expect(c.mistakes.find((m) => m.kind === 'outreach:no_job_ask')).toMatchObject({ label: 'Outreach: asks for a job', count: 1 });
  });

  it('CSV: one row per meeting with the attempt number', () => {
    expect(renderCohortCsv(c).split('\n').slice(0, 3)).toEqual([
      'participant,attempt,file,scenario,started_at,total,open_questions,time_discipline,no_job_ask,referrals,professionalism',
      'Ana,1,ana/ana1.json,startup-engineer,2026-10-01T15:00:00.000Z,26,0,15,0,0,11',
      'Ana,2,ana/ana2.json,startup-engineer,2026-10-08T15:00:00.000Z,81,18,15,20,13,15',
    ]);
  });

  it('HTML: one self-contained page with a bar per dimension and a line per participant', () => {
    const html = renderCohortHtml(c);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html.match(/<polyline /g)).toHaveLength(3);
    expect(html).toContain('<title>Open questions: 72%</title>');
    expect(html).toContain('<title>Ana, attempt 3: 100/100</title>');
    expect(html).toContain('@media print');
  });

  it('sparklines rise with the totals', () => {
    expect(sparkline([0, 50, 100])).toBe('▁▅█');
  });
});

describe('coffeechat report', () => {
  it('prints the terminal report and writes --html and --csv', () => {
    const out = mkdtempSync(join(tmpdir(), 'cc-report-'));
    const r = run(['report', dir, '--html', join(out, 'r.html'), '--csv', join(out, 'r.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cohort report: 6 meetings by 3 participants, 3 message results\n/);
    expect(r.stdout).toContain('  Ana            3 attempts ▃▇█      avg  69  best 100  26 → 100 (+74)  weakest: open questions');
    expect(readFileSync(join(out, 'r.csv'), 'utf8')).toBe(`\ufeff${renderCohortCsv(buildCohort(dir, cat))}`);
    expect(readFileSync(join(out, 'r.html'), 'utf8')).toContain('<h2>Progress over attempts</h2>');
  });

  it('a broken file is reported and skipped; the rest still count; exit 1', () => {
    const copy = mkdtempSync(join(tmpdir(), 'cc-report-'));
    cpSync(dir, copy, { recursive: true });
    writeFileSync(join(copy, 'broken.json'), '{"format": "coffeechat-transcript"');
    writeFileSync(join(copy, 'other.json'), '{"hello": 1}');
    const r = run(['report', copy]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Cohort report: 6 meetings by 3 participants/);
    expect(r.stderr).toContain('coffeechat report: broken.json:');
    expect(r.stderr).toContain('coffeechat report: other.json: not a coffeechat transcript or result');
  });

  it('a missing folder is a clear error', () => {
    const r = run(['report', '/no/such/folder']);
    expect(r).toMatchObject({ code: 1, stderr: 'coffeechat report: /no/such/folder: no such folder\n' });
  });
});
