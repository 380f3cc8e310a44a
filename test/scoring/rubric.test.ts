import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreScript } from '../../src/cli/score.js';
import { loadCatalog } from '../../src/scenario/registry.js';
import { DIMENSIONS, type Dimension } from '../../src/scenario/schema.js';
import { analyze } from '../../src/nlu/index.js';
import { DEFAULT_WEIGHTS, score } from '../../src/scoring/rubric.js';
import { Session } from '../../src/session/session.js';

const cat = loadCatalog();
const engineer = cat.scenarios.find((s) => s.scenario.id === 'startup-engineer')!;
const model = readFileSync(new URL('../fixtures/scripts/model-meeting.txt', import.meta.url), 'utf8').trim().split('\n');
const run = (lines: string[]) => scoreScript(lines.join('\n'), engineer, 1).score;
const points = (lines: string[]) => Object.fromEntries(DIMENSIONS.map((d) => [d, run(lines).dimensions[d].score])) as Record<Dimension, number>;
const full = DEFAULT_WEIGHTS;
/** The model script with line `i` replaced (or removed when `by` is empty). */
const replace = (i: number, ...by: string[]) => [...model.slice(0, i), ...by, ...model.slice(i + 1)];

describe('rubric', () => {
  it('the model meeting earns every point and ends gracefully on time', () => {
    const s = run(model);
    expect(points(model)).toEqual(full);
    expect(s.total).toBe(100);
    expect(s.outcome).toBe('graceful');
    expect(s.notes).toEqual([]);
  });

  it('open_questions: closed questions cost only that dimension, each with the analyzer\'s rewrite when it has one', () => {
    const closed = ['Is the work stressful?', 'Do you enjoy it?', 'Are the hours long?', 'Do you have any advice for me?', 'Is the culture good?'];
    const lines = [model[0]!, model[1]!, ...closed, ...model.slice(11)];
    expect(points(lines)).toEqual({ ...full, open_questions: 2 }); // only the share for filling the time: 5 of 9 questions
    const notes = run(lines).notes.filter((n) => n.dimension === 'open_questions');
    expect(notes.map((n) => n.turn)).toEqual([3, 4, 5, 6, 7]);
    notes.forEach((n, i) => expect(n.rewrite).toBe(analyze(closed[i]!).suggestion));
  });

  it('open_questions: a clarifying closed question does not count against you', () => {
    const lines = replace(8, model[8]!, 'Just to clarify, is that on call every week?');
    expect(points(lines).open_questions).toBe(30);
  });

  it('too few questions earn only part of open questions, and the abstentions are earned in proportion', () => {
    const lines = [model[0]!, model[1]!, model[2]!, model[6]!, model[7]!, ...model.slice(12)];
    const p = points(lines);
    expect(p.open_questions).toBe(10); // 3 of 5 questions, all open (27 %), no follow-up or research, 3 of 9 to fill the time (5 %): 32 % of 30
    expect(p.no_job_ask).toBe(12); // 3 of 5 questions held: 60 % of 20
    expect(p.time_discipline).toBe(15);
    expect(run(lines).dimensions.no_job_ask.advice).toBe('Credit for keeping it about learning grows with the conversation: you asked 3 of 5 questions.');
  });

  it('an empty or one-word meeting scores nothing and says so', () => {
    for (const lines of [[], ['hi']]) {
      const s = run(lines);
      expect(s.total).toBe(0);
      for (const d of DIMENSIONS) expect(s.dimensions[d].advice).toBe('Nothing to score yet: ask your first question.');
    }
  });

  it('time_discipline: running until the hard stop costs nearly all of that dimension', () => {
    const ramble = 'I have been thinking about all of this for a long time and I wanted to tell you everything about my background and my hopes in some detail '.repeat(12);
    const lines = [...model.slice(0, 12), ramble, ramble, ramble, ramble, ramble, ramble, ramble, ramble, ramble, ramble];
    const s = run(lines);
    expect(s.outcome).toBe('hard_stop');
    expect(points(lines).time_discipline).toBe(2); // only the early mention of the time, capped at 10 %
    expect(s.notes.find((n) => n.dimension === 'time_discipline')?.rewrite).toBe('I know we are nearly at time — may I ask one last question?');
  });

  it('no_job_ask: one job ask zeroes that dimension and nothing else', () => {
    const lines = replace(10, model[10]!, 'Are you hiring at the moment?');
    expect(points(lines)).toEqual({ ...full, no_job_ask: 0 });
    expect(run(lines).dimensions.no_job_ask.evidence.map((e) => e.turn)).toEqual([12]);
  });

  it('referrals: never asking costs only that dimension', () => {
    expect(points(replace(11))).toEqual({ ...full, referrals: 0 });
  });

  it('referrals: asking in the first minute, before any rapport, earns less and says when it was asked', () => {
    const lines = [model[0]!, 'Who else should I talk to?', ...model.slice(1, 11), ...model.slice(12)];
    // Asked (60 %) and the contact offered its name (15 %), but not after rapport (25 %).
    expect(points(lines)).toEqual({ ...full, referrals: 8 });
    expect(run(lines).dimensions.referrals.advice).toMatch(/^You asked for names at 00:\d\d, after 0 questions; ask near the end/);
  });

  it('professionalism: a pushed resume costs only that dimension', () => {
    const lines = replace(10, model[10]!, "I brought my resume if you'd like to see it.");
    expect(points(lines)).toEqual({ ...full, professionalism: 19 }); // the resume's 25 % of 25
  });

  it('professionalism: a question the public profile answers is flagged', () => {
    const lines = replace(10, model[10]!, 'Where did you work before Routewise?');
    const s = run(lines);
    expect(points(lines)).toEqual({ ...full, professionalism: 24 }); // half of the 10 % for preparation
    expect(s.notes.map((n) => [n.turn, n.dimension])).toEqual([[12, 'professionalism']]);
  });

  it('advice names what the student did: purpose missing after an introduction, with their name in the suggested line', () => {
    const lines = ["Hi Maya, I'm Jordan, a second-year student.", ...model.slice(1)];
    const s = run(lines);
    expect(s.dimensions.professionalism.advice).toBe('You said who you are; add what you hope to learn: "I\'m Jordan, and I\'m hoping to learn what this work is really like."');
  });

  it('scenario weights override the defaults', () => {
    const weighted = { ...engineer, scenario: { ...engineer.scenario, scoring: { weights: { open_questions: 40, time_discipline: 10, no_job_ask: 30, referrals: 10, professionalism: 10 } } } };
    const s = scoreScript(replace(10, model[10]!, 'Are you hiring?').join('\n'), weighted, 1).score;
    expect(s.dimensions.no_job_ask).toMatchObject({ score: 0, max: 30 });
    expect(s.total).toBe(70);
  });

  it('a saved transcript re-scores to the same result as the live meeting', () => {
    const session = new Session(engineer, { seed: 9, participant: 'Ana', startedAt: null });
    for (const l of model) session.say(l);
    const again = JSON.parse(JSON.stringify(session.transcript));
    expect(score(again, engineer.scenario)).toEqual(score(session.transcript, engineer.scenario));
    // A transcript recorded by this analyzer scores the same without re-analysing its lines.
    expect(score(session.transcript, engineer.scenario, { reanalyze: false })).toEqual(score(session.transcript, engineer.scenario));
  });

  it('never throws and is deterministic on random turns (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 25 }), fc.integer(), (lines, seed) => {
        const a = scoreScript(lines.join('\n'), engineer, seed).score;
        expect(a.total).toBeGreaterThanOrEqual(0);
        expect(a.total).toBeLessThanOrEqual(100);
        expect(a.total).toBe(DIMENSIONS.reduce((s, d) => s + a.dimensions[d].score, 0));
        expect(scoreScript(lines.join('\n'), engineer, seed).score).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });
});
