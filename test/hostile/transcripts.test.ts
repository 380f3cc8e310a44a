import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/scenario/registry.js';
import { score } from '../../src/scoring/rubric.js';
import { Session } from '../../src/session/session.js';
import { scenarioMismatch, validateTranscript, type Transcript } from '../../src/session/transcript.js';
import { run } from '../helpers.js';

const cat = loadCatalog();
const engineer = cat.scenarios.find((s) => s.scenario.id === 'startup-engineer')!;
const nurse = cat.scenarios.find((s) => s.scenario.id === 'nurse-manager')!;

/** A real transcript: three questions and a thank-you. */
function recorded(): Transcript {
  const s = new Session(engineer, { seed: 2, startedAt: null });
  for (const l of ['What does a typical day look like for you?', 'How did you get into software engineering?', 'Thank you so much, I will send you a note next week.']) s.say(l);
  s.leave();
  return JSON.parse(JSON.stringify(s.transcript)) as Transcript;
}
const error = (t: unknown) => {
  const r = validateTranscript(t);
  return r.ok ? 'ok' : r.error;
};

describe('strict transcript validation', () => {
  it('accepts what play writes', () => {
    expect(error(recorded())).toBe('ok');
  });

  it('refuses an unknown version, an empty meeting, impossible clocks, turns out of order', () => {
    expect(error({ ...recorded(), version: 999 })).toBe('transcript version 999 is not one this program reads (it reads version 1)');
    expect(error({ ...recorded(), turns: [] })).toBe('not a coffeechat transcript: turns: Too small: expected array to have >=1 items');
    expect(error({ ...recorded(), ended: { reason: 'graceful', clock: 1e308 } })).toMatch(/^not a coffeechat transcript: ended\.clock: Too big/);
    const t = recorded();
    expect(error({ ...t, turns: [...t.turns].reverse() })).toBe("turn 1 should be the contact's turn 0, not the contact's turn 3 (turns alternate, starting with the contact's opening)");
    const back = recorded();
    back.turns[3]!.clock = 1;
    expect(error(back)).toBe('turn 4: the clock goes back from 84 to 1 seconds');
    const early = recorded();
    early.ended!.clock = 10;
    expect(error(early)).toMatch(/^ended\.clock \(10\) is earlier than the last turn/);
    const missing = recorded();
    missing.turns.splice(1, 1);
    expect(error(missing)).toMatch(/^turn 2 should be the user's turn 1, not the contact's turn 1/);
    expect(error({ ...recorded(), turns: recorded().turns.slice(0, 1), ended: { reason: 'graceful', clock: 10 } })).toBe('ended gracefully without a single line from the user');
    expect(error({ ...recorded(), seed: 2 ** 53 })).toMatch(/^not a coffeechat transcript: seed: /);
    expect(error(null)).toBe('not a coffeechat transcript: expected a JSON object, not null');
    expect(error([1, 2])).toBe('not a coffeechat transcript: expected a JSON object, not a list');
  });

  it('the largest transcript it accepts scores in well under 2 s; one turn more is refused', () => {
    const t = recorded();
    const [opening, user, reply] = t.turns as [Transcript['turns'][number], Transcript['turns'][number], Transcript['turns'][number]];
    const text = Array.from({ length: 1000 }, (_, i) => `Ok${i}?`).join(' ').slice(0, 4000);
    const turns = [opening];
    for (let n = 1; n <= 500; n++) turns.push({ ...user, n, clock: 2 * n, text }, { ...reply, n, clock: 2 * n + 1 });
    const big = { ...t, turns, ended: { reason: 'user', clock: 5000 } };
    const t0 = performance.now();
    const r = validateTranscript(big);
    expect(r.ok).toBe(true);
    if (r.ok) score(r.transcript, engineer.scenario);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(error({ ...big, turns: [...turns, { ...user, n: 501, clock: 1002, text }, { ...reply, n: 501, clock: 1003 }] })).toBe('has 1003 turns; a meeting has at most 1001 (it ends within 45 minutes)');
  });

  it('a meeting the user ended at once is still a transcript (play writes those)', () => {
    const s = new Session(engineer, { seed: 1, startedAt: null });
    s.leave();
    expect(error(JSON.parse(JSON.stringify(s.transcript)))).toBe('ok');
  });

  it('a transcript relabelled as another scenario does not belong to it', () => {
    const t = recorded();
    const relabelled = { ...t, scenario: { ...t.scenario, id: 'nurse-manager' } };
    expect(scenarioMismatch(relabelled, nurse)).toBe("it was recorded with 'Software engineer at a startup', but scenario 'nurse-manager' is 'Nurse manager on a short phone call'");
    // Relabelled and retitled: a topic only the first scenario has gives it away.
    const s = new Session(engineer, { seed: 2, startedAt: null });
    s.say('How is Routewise different from other routing companies?');
    const other = JSON.parse(JSON.stringify(s.transcript)) as Transcript;
    const retitled = { ...other, scenario: { ...other.scenario, id: 'nurse-manager', title: nurse.scenario.title } };
    expect(scenarioMismatch(retitled, nurse)).toBe("turn 1 refers to topic 'competitors', which scenario 'nurse-manager' does not have");
    expect(scenarioMismatch(t, engineer)).toBeUndefined();
  });

  it('score gives each bad transcript one clear line, scores the good one, exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-strict-'));
    const good = recorded();
    const files = {
      'good.json': good,
      'v999.json': { ...good, version: 999 },
      'empty.json': { ...good, turns: [] },
      'huge-clock.json': { ...good, ended: { reason: 'graceful', clock: 1e308 } },
      'reversed.json': { ...good, turns: [...good.turns].reverse() },
      'relabelled.json': { ...good, scenario: { ...good.scenario, id: 'nurse-manager' } },
    };
    for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), JSON.stringify(t));
    // A UTF-8 byte-order mark (Windows editors) is not "not valid JSON".
    writeFileSync(join(dir, 'bom.json'), `\ufeff${JSON.stringify(good)}`);
    const r = run(['score', ...[...Object.keys(files), 'bom.json'].map((f) => join(dir, f))]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `coffeechat score: ${join(dir, 'v999.json')}: transcript version 999 is not one this program reads (it reads version 1)`,
      `coffeechat score: ${join(dir, 'empty.json')}: not a coffeechat transcript: turns: Too small: expected array to have >=1 items`,
      `coffeechat score: ${join(dir, 'huge-clock.json')}: not a coffeechat transcript: ended.clock: Too big: expected number to be <=86400`,
      `coffeechat score: ${join(dir, 'reversed.json')}: turn 1 should be the contact's turn 0, not the contact's turn 3 (turns alternate, starting with the contact's opening)`,
      `coffeechat score: ${join(dir, 'relabelled.json')}: does not belong to scenario 'nurse-manager': it was recorded with 'Software engineer at a startup', but scenario 'nurse-manager' is 'Nurse manager on a short phone call'`,
    ]);
    expect(r.stdout.match(/^\S+\.json \([^)]*\): \d+\/100/gm)).toEqual([`${join(dir, 'good.json')} (startup-engineer): ${/: (\d+\/100)/.exec(r.stdout)![1]}`, expect.stringMatching(/bom\.json \(startup-engineer\): \d+\/100$/)]);
    expect(readFileSync(join(dir, 'good.json'), 'utf8')).toBe(JSON.stringify(good));
  });
});
