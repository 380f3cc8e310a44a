/** Every form, weakest first. */
export const FORMS = ['statement', 'closed', 'open'] as const;
/** The shape of a user turn: invites a wide answer, a short one, or no answer at all. */
export type Form = (typeof FORMS)[number];

/** Every intent, in the fixed order results list them (see shared/eval/LABELS.md). */
export const INTENTS = ['job_ask', 'resume_push', 'referral_ask', 'time_check', 'thanks', 'purpose', 'follow_up'] as const;
/** What a turn does in the meeting, beyond its shape. */
export type Intent = (typeof INTENTS)[number];

/** One sentence of a turn, with its own form and the cue that decided it. */
export interface SentenceAnalysis {
  text: string;
  form: Form;
  why: string;
}

/** The canonical topics of an informational interview (data/nlu/topics.yml lists them with their wording). */
export const CANONICAL_TOPICS = [
  'typical_day',
  'path',
  'training',
  'skills',
  'likes',
  'dislikes',
  'challenges',
  'trends',
  'advice',
  'culture',
  'hiring',
  'competitors',
  'resources',
  'related_fields',
  'fit',
  'pay',
  'balance',
  'projects',
  'mentors',
  'team',
  'growth',
] as const;
/** One canonical topic. */
export type CanonicalTopic = (typeof CANONICAL_TOPICS)[number];

/** A canonical topic the turn may be about, with the model's probability. */
export interface TopicScore {
  /** A topic id from data/nlu/topics.yml, or "none". */
  id: string;
  p: number;
}

/** The analyzer's verdict on one user turn. */
export interface Analysis {
  text: string;
  form: Form;
  intents: Intent[];
  sentences: SentenceAnalysis[];
  /** The likeliest canonical topics of the turn's main question, best first (top 3). */
  topics: TopicScore[];
  /** True when the deciding question is answered yes or no ("Do you…?", "Is it…?"). */
  yesNo: boolean;
  /** Which cues decided the form and each intent, for coaching and debugging. */
  why: string;
  /** An open rewrite of a closed question, when a template fits. */
  suggestion?: string;
}

/** The elements a sentence of an outreach message or thank-you note can carry. */
export const LETTER_LABELS = [
  'introduction',
  'connection',
  'why_you',
  'learn',
  'time_request',
  'availability',
  'presumptuous',
  'busy_ack',
  'thanks',
  'specific',
  'next_step',
  'keep_in_touch',
  'job_ask',
  'resume',
] as const;
/** One letter element. */
export type LetterLabel = (typeof LETTER_LABELS)[number];
