import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Reaction } from '../../src/engine/contact-machine.js';
import { createContact, type Exchange } from '../../src/engine/contact.js';
import { loadCatalog } from '../../src/scenario/registry.js';
import { outcomeOf, type Outcome } from '../../src/scoring/context.js';
import type { Transcript } from '../../src/session/transcript.js';

/**
 * One expected exchange: only the keys given are checked. `topic` may list several ids when a
 * turn asks two questions and the contact may take up either.
 */
interface GoldenTurn {
  say: string;
  form?: string;
  intents?: string[];
  topic?: string | string[];
  reaction?: string;
  phase?: string;
  clock_state?: string;
  ended?: boolean;
}

/**
 * A golden conversation. `outcome` (the rubric's word: graceful, cut_short, hard_stop, left,
 * unfinished) is how the meeting stands after the last turn; `never` lists reactions no turn may
 * get — a meeting of good questions never hears `unclear`, `bio_question`, `repeat` and the like.
 */
interface Golden {
  scenario: string;
  seed: number;
  outcome?: Outcome;
  never?: string[];
  turns: GoldenTurn[];
}

// Records over the engine's unions, so a new reaction or outcome fails to compile until listed here.
const REACTIONS = Object.keys({
  opening: 1, answer_open: 1, answer_closed: 1, repeat: 1, follow_up: 1, hedged: 1, clarify: 1, not_my_area: 1, bio_question: 1, job_ask: 1,
  resume_push: 1, referral_offer: 1, referral_vague: 1, unclear: 1, small_talk: 1, acknowledge: 1, thanks: 1, time_ack: 1, wrap_up: 1, farewell: 1, cut_short: 1,
} satisfies Record<Reaction, 1>);
const OUTCOMES = Object.keys({ graceful: 1, cut_short: 1, hard_stop: 1, left: 1, unfinished: 1 } satisfies Record<Outcome, 1>);
const FILE_KEYS = ['scenario', 'seed', 'outcome', 'never', 'turns'];
const TURN_KEYS = ['say', 'form', 'intents', 'topic', 'reaction', 'phase', 'clock_state', 'ended'];

/** Problems with a golden file's shape: unknown keys, unknown reactions or outcomes. */
function shapeErrors(g: Golden): string[] {
  const errors: string[] = [];
  for (const k of Object.keys(g)) if (!FILE_KEYS.includes(k)) errors.push(`unknown key "${k}" (expected one of ${FILE_KEYS.join(', ')})`);
  if (g.outcome !== undefined && !OUTCOMES.includes(g.outcome)) errors.push(`unknown outcome "${g.outcome}" (expected one of ${OUTCOMES.join(', ')})`);
  for (const r of g.never ?? []) if (!REACTIONS.includes(r)) errors.push(`never: unknown reaction "${r}"`);
  (g.turns ?? []).forEach((t, i) => {
    for (const k of Object.keys(t)) if (!TURN_KEYS.includes(k)) errors.push(`turn ${i + 1}: unknown key "${k}" (expected one of ${TURN_KEYS.join(', ')})`);
    if (typeof t.say !== 'string') errors.push(`turn ${i + 1}: no "say"`);
    if (t.reaction !== undefined && !REACTIONS.includes(t.reaction)) errors.push(`turn ${i + 1}: unknown reaction "${t.reaction}"`);
  });
  return errors;
}

/** The meeting's outcome in the rubric's words, read as a saved transcript would record its end. */
function outcomeNow(x: Exchange): Outcome {
  const ended = x.ended ? { reason: x.endReason ?? 'user', clock: x.clock } : null;
  return outcomeOf({ ended } as Pick<Transcript, 'ended'> as Transcript);
}

const show = (v: unknown) => JSON.stringify(v) ?? 'undefined';

const dir = new URL('../golden/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const { scenarios } = loadCatalog();

describe.each(files)('golden conversation %s', (file) => {
  const golden = parse(readFileSync(new URL(file, dir), 'utf8')) as Golden;
  const loaded = scenarios.find((s) => s.scenario.id === golden.scenario);

  it('is a well-formed golden file', () => {
    expect(shapeErrors(golden)).toEqual([]);
  });

  // Every turn is replayed and every difference listed, so one failure does not hide the rest.
  it('replays turn by turn as written', () => {
    expect(loaded, `scenario ${golden.scenario}`).toBeDefined();
    const contact = createContact(loaded!.scenario, golden.seed);
    const problems: string[] = [];
    let matched = 0;
    golden.turns.forEach((turn, i) => {
      const x = contact.say(turn.say);
      const ev = contact.lastEvent()!;
      const got: Record<string, unknown> = {
        form: ev.analysis.form,
        intents: ev.analysis.intents,
        topic: ev.match?.kind === 'topic' ? ev.match.id : undefined,
        reaction: x.reaction,
        phase: x.phase,
        clock_state: x.clockState,
        ended: x.ended,
      };
      const where = `turn ${i + 1} "${turn.say.slice(0, 60)}"`;
      const before = problems.length;
      for (const [k, want] of Object.entries(turn)) {
        if (k === 'say') continue;
        const ok = k === 'topic' && Array.isArray(want) ? want.includes(got.topic) : JSON.stringify(got[k]) === JSON.stringify(want);
        if (!ok) problems.push(`${where}: ${k} expected ${show(want)}, got ${show(got[k])} (reaction ${x.reaction}, topic ${show(got.topic)})`);
      }
      if (golden.never?.includes(x.reaction)) problems.push(`${where}: got ${x.reaction}, which this meeting never gets`);
      if (problems.length === before) matched++;
    });
    if (golden.outcome !== undefined) {
      const outcome = outcomeNow(contact.current());
      if (outcome !== golden.outcome) problems.push(`outcome expected ${golden.outcome}, got ${outcome}`);
    }
    expect(problems, `${matched}/${golden.turns.length} turns as written\n${problems.join('\n')}`).toEqual([]);
  });

  it('is deterministic: the same seed gives the same replies and clock', () => {
    const run = () => {
      const c = createContact(loaded!.scenario, golden.seed);
      return golden.turns.map((t) => {
        const x = c.say(t.say);
        return [x.reply, x.clock, x.events];
      });
    };
    expect(run()).toEqual(run());
  });
});
