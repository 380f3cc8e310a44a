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
      ['Ana', [17, 62, 77], 52, 77, 60],
      ['Ben', [59, 69], 64, 69, 10],
      ['Chloe', [77], 77, 77, 0],
    ]);
  });

  it('averages each dimension as a share of its maximum, for the group and per participant', () => {
    expect(c.group).toEqual({ average: 60, percent: { open_questions: 47, time_discipline: 80, no_job_ask: 77, referrals: 67, professionalism: 48 } });
    expect(c.participants[0]!.percent).toEqual({ open_questions: 34, time_discipline: 69, no_job_ask: 60, referrals: 67, professionalism: 51 });
  });

  it('lists every kind of mistake, most serious first (severity × count), each example tagged with who made it', () => {
    expect(c.mistakes.map((m) => m.kind)).toEqual([
      'job_ask',
      'outreach:no_job_ask',
      'closed_question',
      'outreach:no_resume',
      'resume_push',
      'no_purpose',
      'outreach:scheduling',
      'profile_question',
      'outreach:asks_to_learn',
      'outreach:connection',
      'outreach:courteous',
      'outreach:time_bounded',
    ]);
    expect(c.mistakes[0]).toEqual({ kind: 'job_ask', label: 'Asked for a job', severity: 10, count: 1, participants: 1, examples: [{ participant: 'Ana', text: 'Are you hiring right now?' }] });
    expect(c.mistakes.find((m) => m.kind === 'closed_question')).toEqual({
      kind: 'closed_question',
      label: 'Closed (yes/no) questions',
      severity: 1,
      count: 5,
      participants: 2,
      examples: [
        { participant: 'Ana', text: 'Do you like your job?' },
        { participant: 'Ben', text: 'Who are your main competitors?' },
      ],
    });
    expect(c.mistakes.find((m) => m.kind === 'outreach:no_job_ask')).toMatchObject({ label: 'Outreach: asks for a job', count: 1 });
  });

  it('CSV: one row per meeting with the attempt number', () => {
    expect(renderCohortCsv(c).split('\n').slice(0, 3)).toEqual([
      'participant,attempt,file,scenario,started_at,total,open_questions,time_discipline,no_job_ask,referrals,professionalism',
      'Ana,1,ana/ana1.json,startup-engineer,2026-10-01T15:00:00.000Z,17,2,7,0,0,8',
      'Ana,2,ana/ana2.json,startup-engineer,2026-10-08T15:00:00.000Z,62,12,9,16,10,15',
    ]);
  });

  it('HTML: one self-contained page with a bar per dimension and a line per participant', () => {
    const html = renderCohortHtml(c);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html.match(/<polyline /g)).toHaveLength(3);
    expect(html).toContain('<title>Open questions: 47%</title>');
    expect(html).toContain('<title>Ana, attempt 3: 77/100</title>');
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
    expect(r.stdout).toContain('  Ana            3 attempts ▂▅▇      avg  52  best  77  17 → 77 (+60)  weakest: open questions');
    expect(r.stdout).toContain('Mistakes, most serious first (severity × count)\n    1× Asked for a job (1 participant)\n       Ana: "Are you hiring right now?"');
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
