import * as z from 'zod';
import { FORMS, INTENTS } from '../nlu/types.js';

/** Transcript format version written by this program. */
export const TRANSCRIPT_VERSION = 1;

const userTurn = z.object({
  speaker: z.literal('user'),
  n: z.number().int().min(1),
  text: z.string(),
  /** Simulated clock (seconds) when the user started speaking. */
  clock: z.number().min(0),
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
  clock: z.number().min(0),
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

/** The zod schema of a saved transcript (validated when re-scoring a .json file). */
export const transcriptSchema = z.object({
  format: z.literal('coffeechat-transcript'),
  version: z.number().int(),
  scenario: z.object({ id: z.string(), title: z.string(), hash: z.string() }),
  seed: z.number().int(),
  participant: z.string().nullable(),
  started_at: z.string().nullable(),
  ended: z.object({ reason: z.enum(['graceful', 'patience', 'hard_stop', 'user']), clock: z.number() }).nullable(),
  turns: z.array(z.discriminatedUnion('speaker', [userTurn, contactTurn])),
});

/** A recorded meeting: scenario, seed, participant, and every turn with clock, analysis and reaction. */
export type Transcript = z.infer<typeof transcriptSchema>;
/** A user's line as recorded. */
export type UserTurn = z.infer<typeof userTurn>;
/** The contact's reply as recorded. */
export type ContactTurn = z.infer<typeof contactTurn>;
