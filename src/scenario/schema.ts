import * as z from 'zod';
import { CANONICAL_TOPICS } from '../nlu/types.js';

/** The scenario format version this program writes and understands best. */
export const SCENARIO_VERSION = 1;

/** Longest text in a scenario: a full answer is a few hundred characters; this leaves room. */
export const MAX_TEXT_CHARS = 4000;
const text = z.string().trim().min(1).max(MAX_TEXT_CHARS);
/** One line, or several variants the contact picks from (seeded). */
const variants = z.union([text, z.array(text).min(1)]);
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, "-" and "_"');

/** Scoring dimensions, in report order. */
export const DIMENSIONS = ['open_questions', 'time_discipline', 'no_job_ask', 'referrals', 'professionalism'] as const;
/** One of the five scoring dimensions. */
export type Dimension = (typeof DIMENSIONS)[number];

const topic = z.strictObject({
  id: id.describe('Unique within the scenario; other topics refer to it in `related`. An id that names a canonical topic (typical_day, path, …) answers that topic.'),
  canonical: z
    .enum(CANONICAL_TOPICS)
    .optional()
    .describe('The canonical topic this answers (questions about it are understood however they are worded). Defaults to the id when the id is a canonical topic; leave it out for a scenario-specific topic, which is matched through its examples.'),
  examples: z.array(text).default([]).describe('Questions that mean this topic. Needed for a scenario-specific topic; optional extra phrasings for a canonical one.'),
  answer: text.describe('The full answer, given to an open question.'),
  short: text.describe('The short answer, given to a closed question.'),
  label: text.optional().describe('How the contact names this topic in a sentence ("the grants we run"); defaults to the canonical topic\'s label, or the id.'),
  stance: text.optional().describe('How a yes/no question on this topic is answered before the short answer ("Mostly, yes —"); defaults to the canonical topic\'s.'),
  again: text.optional().describe('The answer when the topic comes up again (else a "repeat" reaction).'),
  follow_up: text.optional().describe('The further detail, said once: to a follow-up right after answering this topic ("what do you mean by that?") or to a new question on it later; else `again`.'),
  related: z.array(id).optional().describe('Ids of topics a coach could suggest next.'),
});

const profileFact = z.strictObject({
  fact: text.describe('Shown in the briefing: something a prepared visitor already knows.'),
  says: text.optional().describe('The same fact as the contact says it, in the first person ("I studied mechanical engineering…"); used for "that\'s on my profile".'),
  examples: z.array(text).min(1).describe('Questions that ask for this fact (they earn a "that is on my profile" reaction).'),
});

const referralName = z.strictObject({
  name: text,
  role: text,
  note: text.optional().describe('Why this person is worth talking to.'),
});

const reactions = z.strictObject({
  closed_nudge: variants.describe('Said after a short answer to coax an open question.'),
  job_ask: variants.describe('A polite deflection when asked for a job.'),
  resume_push: variants.describe('A deflection of a resume nobody asked for.'),
  bio_question: variants.describe('"That is on my profile": {fact} is replaced by the fact.'),
  unclear: variants.describe('For off-topic or unclear turns.'),
  small_talk: variants
    .default(["Ha — all good here, thanks. What would you like to ask me?", 'Fine, thanks. So, what did you want to know?'])
    .describe('Small talk or call logistics ("can you hear me okay?", "how was your weekend?"): a short friendly answer that steers back to questions.'),
  suggest: variants.optional().describe('Easy and medium scenarios: said after "unclear", {question} is a question the visitor could ask.'),
  repeat: variants.describe('Prefix for a topic already answered ("As I said…").'),
  not_my_area: variants
    .default(["That's not something I know much about, to be honest — but I can tell you about {offer}.", "I'm not the best person to ask about {topic}. I could tell you about {offer}, though."])
    .describe('A fair question on a topic this contact has no answer for: {topic} names it, {offer} names one they can answer.'),
  clarify: variants.default(['Do you mean {first}, or {second}?', 'Just so I answer the right thing — are you asking about {first}, or {second}?']).describe('When a question could mean two topics: {first} and {second} name them.'),
  hedge: variants.default(["If you're asking about {topic}: ", 'I think you mean {topic} — ']).describe('Before an answer the contact is not sure was asked for: {topic} names it.'),
  defer: variants.default(["And I'll come back to your other question in a moment.", 'Remind me about your second question after this.']).describe('After answering one of two questions asked in one turn.'),
  greet: variants.default(['Nice to meet you.', 'Good to meet you.']).describe('A brief hello before answering when the visitor introduced themselves and asked in one turn.'),
  acknowledge: variants.optional().describe('Reply to an introduction or other statement at the start.'),
  comment: variants.optional().describe('Reply to a statement later in the meeting (a comment, a story).'),
  thanks: variants.optional().describe('Reply to thanks in the middle of the meeting.'),
  time_ack: variants.optional().describe('Reply when the visitor mentions the time.'),
  wrap_up: variants.optional().describe('Reply when the visitor starts to wrap up.'),
  time_warning: variants.describe('Said when the last minutes start: {minutes_left}.'),
  overtime: variants.describe('Hints once the agreed time has passed.'),
  hard_stop: variants.describe('Said when the contact has to leave.'),
  referral: z.strictObject({
    names: z.array(referralName).min(1),
    min_rapport: z.number().int().min(0).max(100).default(55).describe('Rapport (0–100) needed before names are offered.'),
    offer: variants.describe('Offering names: {names} lists them.'),
    vague: variants.describe('A non-committal answer when rapport is too low.'),
  }),
  farewell: z.strictObject({
    graceful: variants,
    cut_short: variants,
  }),
});

const weights = z
  .strictObject(Object.fromEntries(DIMENSIONS.map((d) => [d, z.number().int().min(0).max(100)])) as Record<Dimension, z.ZodNumber>)
  .describe('Points per dimension; they must add up to 100.');

/** The zod schema of a scenario file: the single source of truth (the JSON Schema is generated). */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.number().int().describe('Scenario format version; this program knows version 1.'),
  id,
  title: text,
  summary: text.describe('One line for the scenario picker.'),
  field: text,
  difficulty: z.enum(['easy', 'medium', 'hard']),
  default: z.boolean().optional().describe('The scenario `coffeechat` plays when none is named (shipped scenarios only).'),
  meeting: z.strictObject({
    format: z.enum(['video', 'phone', 'coffee', 'office']),
    minutes: z.number().int().min(15).max(30).describe('The agreed length, 15–30 minutes.'),
    overtime_minutes: z.number().min(0).max(15).default(3).describe('How far past the agreed time the contact stays before leaving.'),
    warning_minutes: z.number().min(1).max(10).default(3).describe('Minutes before the end when the contact mentions the time.'),
    elaboration: z
      .number()
      .min(1)
      .max(6)
      .default(3)
      .describe('A written full answer stands for a spoken one this many times longer; the clock counts the spoken length.'),
  }),
  persona: z.strictObject({
    name: text,
    role: text,
    organisation: text,
    years: z.number().int().min(0).max(60),
    temperament: z.strictObject({
      busy: z.number().int().min(1).max(5).describe('1 relaxed … 5 very busy: how fast patience runs out.'),
      warmth: z.number().int().min(1).max(5).describe('1 reserved … 5 warm: where rapport starts.'),
    }),
    profile: z.array(profileFact).min(1).describe('The public profile, shown in the briefing.'),
  }),
  opening: variants.describe('What the contact says first.'),
  topics: z.array(topic).min(1),
  reactions,
  interruptions: z
    .array(
      z.strictObject({
        at: z.number().min(0).describe('Meeting minute when it happens.'),
        text: text.describe('What happens, shown as an event.'),
        cost: z.number().min(0).max(10).describe('Minutes it takes.'),
      }),
    )
    .max(50)
    .default([])
    // In time order once, here: the clock takes them in order (a stable sort keeps same-minute ones as written).
    .transform((xs) => [...xs].sort((a, b) => a.at - b.at)),
  scoring: z.strictObject({ weights }).optional(),
});

/** A scenario as written in YAML (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with defaults applied. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A topic of a scenario. */
export type Topic = Scenario['topics'][number];
/** One line or several variants. */
export type Variants = string | string[];
