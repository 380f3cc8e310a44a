import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scoreScript, scriptHeader } from '../../src/cli/score.js';
import { findScenario, loadCatalog } from '../../src/scenario/registry.js';
import { DIMENSIONS, type Dimension } from '../../src/scenario/schema.js';
import { rubricData } from '../../src/scoring/rubric-data.js';
import type { Score } from '../../src/scoring/rubric.js';

/**
 * The calibration set (test/calibration/): scripts graded by a counselor before the rubric was
 * tuned. The rubric must put each in its band, order them as the bands do, and move only the
 * named dimension between the two scripts of a minimal pair.
 */
interface Bands {
  bands: Record<string, [number, number]>;
  dimension_bands: Record<string, [number, number]>;
  scripts: Array<{ file: string; grade: string; dimensions: Record<Dimension, string>; why: string }>;
  pairs: Array<{ with: string; without: string; differs_in: Dimension }>;
}

const dir = new URL('../calibration/', import.meta.url);
const cal = parse(readFileSync(new URL('bands.yml', dir), 'utf8')) as Bands;
const cat = loadCatalog();
const GRADES = ['failing', 'poor', 'fair', 'good', 'excellent'];

const scored = new Map<string, Score>();
function scoreOf(file: string): Score {
  let s = scored.get(file);
  if (!s) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const loaded = findScenario(cat, scriptHeader(text).scenario ?? '')!;
    s = scoreScript(text, loaded, 1).score;
    scored.set(file, s);
  }
  return s;
}

/** Spearman's rank correlation (average ranks for ties). */
function spearman(xs: number[], ys: number[]): number {
  const rank = (v: number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0;
  let dx = 0;
  let dy = 0;
  rx.forEach((x, i) => {
    num += (x - mx) * (ry[i]! - my);
    dx += (x - mx) ** 2;
    dy += (ry[i]! - my) ** 2;
  });
  return num / Math.sqrt(dx * dy);
}

describe('calibration: the rubric agrees with a counselor', () => {
  it('puts the scripts in their grade bands: at least 70 % exactly, and all but one within 10 points', () => {
    const exact: string[] = [];
    const far: string[] = [];
    for (const s of cal.scripts) {
      const [lo, hi] = cal.bands[s.grade]!;
      const t = scoreOf(s.file).total;
      if (t < lo || t > hi) exact.push(`${s.file}: ${t} (counselor: ${s.grade} ${lo}–${hi})`);
      if (t < lo - 10 || t > hi + 10) far.push(`${s.file}: ${t} (counselor: ${s.grade} ${lo}–${hi}) — ${s.why}`);
    }
    // Measured: 37 of 50 in band, 49 of 50 within 10 points (see the closing note of the rubric issue).
    expect(1 - exact.length / cal.scripts.length, exact.join('\n')).toBeGreaterThanOrEqual(0.7);
    expect(far.length, far.join('\n')).toBeLessThanOrEqual(1);
  });

  it("orders the scripts as the bands do (Spearman's rho ≥ 0.9)", () => {
    const rho = spearman(
      cal.scripts.map((s) => GRADES.indexOf(s.grade)),
      cal.scripts.map((s) => scoreOf(s.file).total),
    );
    expect(rho).toBeGreaterThanOrEqual(0.9);
  });

  it('a minimal pair differs in exactly the dimension that differs', () => {
    for (const p of cal.pairs) {
      const a = scoreOf(p.with);
      const b = scoreOf(p.without);
      const differ = DIMENSIONS.filter((d) => a.dimensions[d].score !== b.dimensions[d].score);
      expect(differ, `${p.with} vs ${p.without}`).toEqual([p.differs_in]);
    }
  });

  it('never advises doing what the student already did', () => {
    const r = rubricData();
    const problems: string[] = [];
    for (const s of cal.scripts) {
      const sc = scoreOf(s.file);
      const advice = (d: Dimension) => sc.dimensions[d].advice;
      const did = (d: Dimension, note: string) => sc.dimensions[d].evidence.some((e) => e.effect === '+' && e.note.startsWith(note));
      if (did('referrals', 'asked who else') && advice('referrals') === r.referrals.advice.none) problems.push(`${s.file}: told to ask for referrals`);
      if (did('time_discipline', 'acknowledged the agreed time early') && /first turns/.test(advice('time_discipline'))) problems.push(`${s.file}: told to mention the time early`);
      if (did('professionalism', 'introduced yourself') && /start with who you are|Open with who you are/.test(advice('professionalism'))) problems.push(`${s.file}: told to say who they are`);
      if (did('professionalism', 'stated a learning purpose') && /add what you hope to learn|Open with who you are and what/.test(advice('professionalism'))) problems.push(`${s.file}: told to state a purpose`);
      if (did('professionalism', 'thanked them') && advice('professionalism') === r.professionalism.advice.no_thanks) problems.push(`${s.file}: told to thank them`);
      if (did('professionalism', 'stated a next step') && advice('professionalism') === r.professionalism.advice.no_next_step) problems.push(`${s.file}: told to state a next step`);
      if (did('open_questions', 'open follow-up') && advice('open_questions').startsWith('Good open questions. Build on')) problems.push(`${s.file}: told to build on answers`);
    }
    expect(problems).toEqual([]);
  });
});
