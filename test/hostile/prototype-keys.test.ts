import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContact } from '../../src/engine/contact.js';
import { buildCohort } from '../../src/report/cohort.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { scoreScript } from '../../src/cli/score.js';
import { scoreFollowup, scoreOutreach } from '../../src/letters/letters.js';
import { analyze } from '../../src/nlu/index.js';
import { loadCatalog } from '../../src/scenario/registry.js';
import { score } from '../../src/scoring/rubric.js';
import { Session } from '../../src/session/session.js';

/**
 * Words that are property names of every plain object. A lookup like `TABLE[word]` finds them on
 * Object.prototype ("constructor" is a function), which once crashed every command.
 */
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype);
const cat = loadCatalog();
const engineer = cat.scenarios.find((s) => s.scenario.id === 'startup-engineer')!;

const protoKey = fc.constantFrom(...PROTO_KEYS, ...PROTO_KEYS.map((k) => k.toLowerCase()));
/** A word: a prototype key, plain text in any script, or a texting abbreviation. */
const word = fc.oneof(protoKey, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('u', 'r', 'what', 'do', 'you', 'is', '?', '.', "what's", '{names}'));
const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
const text = fc.array(line, { minLength: 1, maxLength: 8 }).map((ls) => ls.join('\n'));

describe('prototype keys and random unicode through every command core', () => {
  it('the issue’s sentence, and every Object.prototype key alone and in a question', () => {
    for (const k of ['constructor', ...PROTO_KEYS]) {
      for (const s of [k, `What does a ${k} do in your code?`, `Do you use ${k} a lot?`, `{${k}}`, `${k.toUpperCase()}?`]) {
        const a = analyze(s);
        expect(a.text).toBe(s);
        expect(['open', 'closed', 'statement']).toContain(a.form);
      }
    }
    expect(analyze('What does a constructor do in your code?')).toMatchObject({ form: 'open', intents: [] });
  });

  it('analyze never throws and is deterministic', () => {
    fc.assert(
      fc.property(line, (s) => {
        const a = analyze(s);
        expect(['open', 'closed', 'statement']).toContain(a.form);
        expect(analyze(s)).toEqual(a);
      }),
      { numRuns: 400 },
    );
  });

  it('scoring a script never throws, stays in 0–100 and is deterministic', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (t, seed) => {
        const s = scoreScript(t, engineer, seed).score;
        expect(s.total).toBeGreaterThanOrEqual(0);
        expect(s.total).toBeLessThanOrEqual(100);
        expect(scoreScript(t, engineer, seed).score).toEqual(s);
      }),
      { numRuns: 60 },
    );
  });

  it('outreach and follow-up scoring never throw and stay in 0–100', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const s of [scoreOutreach(t), scoreFollowup(t)]) {
          expect(s.total).toBeGreaterThanOrEqual(0);
          expect(s.total).toBeLessThanOrEqual(100);
          expect(s.checks.every((c) => typeof c.note === 'string' && !c.note.includes('function'))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a session takes any lines, ends, and scores the same when re-scored from its transcript', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 1000 }), (lines, seed) => {
        const session = new Session(engineer, { seed, participant: 'constructor', startedAt: null });
        for (const l of lines) session.say(l);
        session.leave();
        expect(session.ended).toBe(true);
        const recorded = score(session.transcript, engineer.scenario, { reanalyze: false });
        expect(score(JSON.parse(JSON.stringify(session.transcript)), engineer.scenario)).toEqual(recorded);
        for (const t of session.transcript.turns) expect(t.text).not.toMatch(/function|\[native code\]/);
      }),
      { numRuns: 60 },
    );
  });
});

describe('prototype keys as scenario and report data', () => {
  const minimal = readFileSync(new URL('../fixtures/scenarios/minimal.yaml', import.meta.url), 'utf8');

  it('a topic called "constructor" is answered, then counted as a repeat', () => {
    const r = loadScenarioText(minimal.replace('id: mornings', 'id: constructor').replace('related: [training]', 'related: [training, constructor]'), 'x.yaml');
    expect(r.diagnostics).toEqual([]);
    const contact = createContact(r.scenario!, 1);
    expect(contact.say('What does your morning look like?')).toMatchObject({ reaction: 'answer_open', topic: 'constructor' });
    expect(contact.say('What does your morning look like?')).toMatchObject({ reaction: 'repeat', topic: 'constructor' });
  });

  it('a {placeholder} named like a prototype key is left as written, not replaced by a function', () => {
    const scenario = loadScenarioText(minimal, 'x.yaml').scenario!;
    scenario.reactions.unclear = 'Sorry? {constructor} {toString}';
    const x = createContact(scenario, 1).say('Do you?');
    expect(x.reaction).toBe('unclear');
    expect(x.reply[0]).toBe('Sorry? {constructor} {toString}');
  });

  it('a message result whose failed check is called "constructor" gets a plain label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-proto-'));
    const rec = { file: 'a.txt', kind: 'outreach', participant: 'constructor', medium: 'email', total: 50, flags: [], checks: [{ id: 'constructor', passed: false, note: '', suggestion: '' }, { id: 'toString', passed: false, note: '', suggestion: '' }] };
    writeFileSync(join(dir, 'r.jsonl'), `${JSON.stringify(rec)}\n`);
    const c = buildCohort(dir, cat);
    expect(c.errors).toEqual([]);
    expect(c.participants.map((p) => p.name)).toEqual(['constructor']);
    expect(c.mistakes.map((m) => m.label).sort()).toEqual(['Outreach: failed constructor', 'Outreach: failed toString']);
  });
});
