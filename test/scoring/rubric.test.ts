import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreScript } from '../../src/cli/score.js';
import { loadCatalog } from '../../src/scenario/registry.js';
import { DIMENSIONS, type Dimension } from '../../src/scenario/schema.js';
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

  it('open_questions: closed questions cost only that dimension, with a rewrite for each', () => {
    const lines = [model[0]!, model[1]!, 'Is the work stressful?', 'Do you enjoy it?', 'Are the hours long?', 'Do you have any advice for me?', 'Is the culture good?', model[8]!, model[9]!, model[10]!];
    expect(points(lines)).toEqual({ ...full, open_questions: 0 });
    const s = run(lines);
    expect(s.notes.filter((n) => n.dimension === 'open_questions').map((n) => [n.turn, n.rewrite])).toEqual([
      [3, 'What makes the work stressful?'],
      [4, 'What do you enjoy most about it?'],
      [5, 'What makes the hours long?'],
      [6, 'What advice would you give someone in my position?'],
      [7, 'What makes the culture good?'],
    ]);
  });

  it('open_questions: a clarifying closed question does not count against you', () => {
    const lines = replace(5, model[5]!, 'Just to clarify, is that on call every week?');
    expect(points(lines).open_questions).toBe(30);
  });

  it('open_questions: too few questions earn only part of the points', () => {
    const lines = [model[0]!, model[1]!, model[2]!, model[3]!, model[4]!, model[8]!, model[9]!, model[10]!];
    expect(points(lines)).toEqual({ ...full, open_questions: 18 });
  });

  it('time_discipline: running until the hard stop costs only that dimension, all of it here', () => {
    const ramble = 'I have been thinking about all of this for a long time and I wanted to tell you everything about my background and my hopes in some detail '.repeat(12);
    const lines = [
      model[0]!, 'What does a typical day look like for you?', 'How did you get into software engineering?', 'What skills matter most in your job?',
      'What do you enjoy most about your work?', 'Is there anyone else you think I should talk to, and may I mention your name?',
      "Thanks, that's really useful — how do you stay current?", "I'll look into that meetup this week.",
      ramble, ramble, ramble, ramble, ramble, ramble, ramble, ramble, ramble, ramble,
    ];
    const s = run(lines);
    expect(s.outcome).toBe('hard_stop');
    expect(points(lines)).toEqual({ ...full, time_discipline: 0 });
    expect(s.notes.find((n) => n.dimension === 'time_discipline')?.rewrite).toBe('I know we are nearly at time — may I ask one last question?');
  });

  it('no_job_ask: one job ask zeroes that dimension and nothing else', () => {
    const lines = replace(6, model[6]!, 'Are you hiring at the moment?');
    expect(points(lines)).toEqual({ ...full, no_job_ask: 0 });
    expect(run(lines).dimensions.no_job_ask.evidence.map((e) => e.turn)).toEqual([8]);
  });

  it('referrals: never asking costs only that dimension', () => {
    expect(points(replace(8))).toEqual({ ...full, referrals: 0 });
  });

  it('referrals: asking in the first minute, before any rapport, earns less', () => {
    const lines = [model[0]!, 'Who else should I talk to?', ...model.slice(1, 8), model[9]!, model[10]!];
    expect(points(lines)).toEqual({ ...full, referrals: 9 });
  });

  it('professionalism: a pushed resume costs only that dimension', () => {
    const lines = replace(7, model[7]!, "I brought my resume if you'd like to see it.");
    expect(points(lines)).toEqual({ ...full, professionalism: 12 });
  });

  it('professionalism: a question the public profile answers is flagged', () => {
    const lines = replace(7, model[7]!, 'Where did you work before Routewise?');
    const s = run(lines);
    expect(points(lines)).toEqual({ ...full, professionalism: 14 }); // 90% of 15, rounded
    expect(s.notes.map((n) => [n.turn, n.dimension])).toEqual([[9, 'professionalism']]);
  });

  it('scenario weights override the defaults', () => {
    const weighted = { ...engineer, scenario: { ...engineer.scenario, scoring: { weights: { open_questions: 40, time_discipline: 10, no_job_ask: 30, referrals: 10, professionalism: 10 } } } };
    const s = scoreScript(replace(6, model[6]!, 'Are you hiring?').join('\n'), weighted, 1).score;
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
