import * as z from 'zod';
import { FORMS, INTENTS } from '../nlu/types.js';
import type { LoadedScenario } from '../scenario/registry.js';

/** Transcript format version written by this program. */
export const TRANSCRIPT_VERSION = 1;
/** Largest transcript file read by `score` and `report`; `play` never writes a bigger one. */
export const MAX_TRANSCRIPT_BYTES = 8 * 1024 * 1024;
/** Longest line a user turn keeps (the analyzer reads fewer; the clock counts these words). */
export const MAX_TURN_CHARS = 4000;
/**
 * Most user turns a transcript may hold. Every turn moves the clock at least 6 s (a pause after each
 * speaker) and every meeting stops by 45 minutes (30 agreed + 15 overtime at most): 450 turns.
 */
export const MAX_USER_TURNS = 500;
/** Latest simulated clock accepted, in seconds (a day; real meetings end within the hour). */
export const MAX_CLOCK_SECONDS = 24 * 60 * 60;

const clock = z.number().min(0).max(MAX_CLOCK_SECONDS);

const userTurn = z.object({
  speaker: z.literal('user'),
  n: z.number().int().min(1),
  text: z.string().max(MAX_TURN_CHARS),
  /** Simulated clock (seconds) when the user started speaking. */
  clock,
  analysis: z.object({ form: z.enum(FORMS), intents: z.array(z.enum(INTENTS)), why: z.string() }).passthrough(),
  /** What the contact took the question to be about, and how sure it was. */
  match: z
    .object({ kind: z.enum(['topic', 'profile', 'elsewhere']), id: z.string(), score: z.number(), confidence: z.enum(['sure', 'plausible', 'unsure']).optional() })
    .passthrough()
    .nullable(),
});

const contactTurn = z.object({
  speaker: z.literal('contact'),
  n: z.number().int().min(0),
  text: z.string(),
  /** Simulated clock (seconds) when the contact finished. */
  clock,
  reaction: z.string(),
  topic: z.string().optional(),
  nudged: z.boolean().optional(),
  events: z.array(z.string()),
  clock_notes: z.array(z.string()),
  phase: z.string(),
  clock_state: z.string(),
  mood: z.string(),
  rapport: z.number(),
  patience: z.number(),
});

/** The zod schema of a saved transcript (the shape; validateTranscript adds the rules between fields). */
export const transcriptSchema = z.object({
  format: z.literal('coffeechat-transcript'),
  version: z.number().int(),
  scenario: z.object({ id: z.string(), title: z.string(), hash: z.string() }),
  /** Any safe integer: `play --seed` takes no other. */
  seed: z.number().int(),
  participant: z.string().max(200).nullable(),
  started_at: z.string().max(64).nullable(),
  ended: z.object({ reason: z.enum(['graceful', 'patience', 'hard_stop', 'user']), clock }).nullable(),
  turns: z.array(z.discriminatedUnion('speaker', [userTurn, contactTurn])).min(1).max(2 * MAX_USER_TURNS + 1),
});

/** A recorded meeting: scenario, seed, participant, and every turn with clock, analysis and reaction. */
export type Transcript = z.infer<typeof transcriptSchema>;
/** A user's line as recorded. */
export type UserTurn = z.infer<typeof userTurn>;
/** The contact's reply as recorded. */
export type ContactTurn = z.infer<typeof contactTurn>;

/** A transcript that passed every check, or the one line saying what is wrong with it. */
export type Checked = { ok: true; transcript: Transcript } | { ok: false; error: string };

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const path = issue.path;
  if (path[0] === 'turns' && typeof path[1] === 'number') {
    const rest = path.slice(2).join('.');
    return `turn ${path[1] + 1}${rest ? ` (${rest})` : ''}: ${issue.message}`;
  }
  if (path.length === 0 && issue.code === 'invalid_type') return `expected a JSON object, not ${data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data}`;
  return `${path.join('.') || 'top level'}: ${issue.message}`;
}

/**
 * Check a parsed JSON value is a transcript this program wrote and can score: the shape, a known
 * version, turns that alternate (the contact's opening, then a user line and its reply, in order),
 * clocks that are finite, within a day and never go back, and an ending that fits the turns.
 */
export function validateTranscript(data: unknown): Checked {
  const head = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as { format?: unknown; version?: unknown }) : undefined;
  if (head && head.format === 'coffeechat-transcript' && typeof head.version === 'number' && head.version !== TRANSCRIPT_VERSION) {
    return { ok: false, error: `transcript version ${head.version} is not one this program reads (it reads version ${TRANSCRIPT_VERSION})` };
  }
  const turns = (head as { turns?: unknown } | undefined)?.turns;
  if (Array.isArray(turns) && turns.length > 2 * MAX_USER_TURNS + 1) {
    return { ok: false, error: `has ${turns.length} turns; a meeting has at most ${2 * MAX_USER_TURNS + 1} (it ends within 45 minutes)` };
  }
  const parsed = transcriptSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: `not a coffeechat transcript: ${describeIssue(parsed.error.issues[0]!, data)}` };
  const t = parsed.data;
  let last = 0;
  for (let i = 0; i < t.turns.length; i++) {
    const turn = t.turns[i]!;
    const speaker = i % 2 === 0 ? 'contact' : 'user';
    const n = Math.ceil(i / 2);
    if (turn.speaker !== speaker || turn.n !== n) {
      return { ok: false, error: `turn ${i + 1} should be the ${speaker}'s turn ${n}, not the ${turn.speaker}'s turn ${turn.n} (turns alternate, starting with the contact's opening)` };
    }
    if (turn.clock < last) return { ok: false, error: `turn ${i + 1}: the clock goes back from ${last} to ${turn.clock} seconds` };
    last = turn.clock;
  }
  if (t.ended) {
    if (t.ended.clock < last) return { ok: false, error: `ended.clock (${t.ended.clock}) is earlier than the last turn (${last})` };
    if (t.ended.reason === 'graceful' && t.turns.length < 3) return { ok: false, error: 'ended gracefully without a single line from the user' };
  }
  return { ok: true, transcript: t };
}

/**
 * Check a transcript belongs to the scenario it names: same title, and every topic it recorded
 * exists there. Returns the one line to report, or undefined. (A changed scenario with the same
 * title and topics is only a warning, given by the caller from the hash.)
 */
export function scenarioMismatch(t: Transcript, loaded: LoadedScenario): string | undefined {
  if (t.scenario.title !== loaded.scenario.title) {
    return `it was recorded with '${t.scenario.title}', but scenario '${t.scenario.id}' is '${loaded.scenario.title}'`;
  }
  const topics = new Set(loaded.scenario.topics.map((x) => x.id));
  for (const turn of t.turns) {
    const id = turn.speaker === 'contact' ? turn.topic : turn.match?.kind === 'topic' ? turn.match.id : undefined;
    if (id !== undefined && !topics.has(id)) return `turn ${turn.n} refers to topic '${id}', which scenario '${t.scenario.id}' does not have`;
  }
  return undefined;
}
