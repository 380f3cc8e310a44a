import { describe, expect, it } from 'vitest';
import { scoreScript } from '../../src/cli/score.js';
import { renderReport } from '../../src/report/text.js';
import { loadCatalog } from '../../src/scenario/registry.js';

const engineer = loadCatalog().scenarios.find((s) => s.scenario.id === 'startup-engineer')!;

describe('the text report in a terminal', () => {
  const s = scoreScript('Do you like your job?\nAre you hiring?\n', engineer, 1).score;
  const path = '/home/someone/.local/share/coffeechat/sessions/2026-11-22T09-30-00-startup-engineer-sam.json';

  it('wraps to the width, advice hanging under its text, the path whole on its own row', () => {
    const rows = renderReport(s, undefined, path, 60).trimEnd().split('\n');
    expect(rows.filter((r) => r !== path).every((r) => r.length <= 60)).toBe(true);
    const at = rows.findIndex((r) => r.startsWith('  Open questions: '));
    expect(rows.slice(at, at + 2)).toEqual(['  Open questions: You asked 1 real question; 5 or more open', '                  ones use the meeting well.']);
    expect(rows.slice(-2)).toEqual(['Transcript saved to', path]);
  });

  it('without a width, lines are left as they are (pipes, files)', () => {
    expect(renderReport(s, undefined, path)).toContain('  Open questions: You asked 1 real question; 5 or more open ones use the meeting well.\n');
  });
});
