/** The shape of a user turn: invites a wide answer, a short one, or no answer at all. */
export type Form = 'open' | 'closed' | 'statement';

/** What a turn does in the meeting, beyond its shape (see shared/eval/LABELS.md). */
export type Intent =
  | 'job_ask'
  | 'resume_push'
  | 'referral_ask'
  | 'time_check'
  | 'thanks'
  | 'purpose'
  | 'follow_up';

/** Every intent, in the fixed order results list them. */
export const INTENTS: readonly Intent[] = [
  'job_ask',
  'resume_push',
  'referral_ask',
  'time_check',
  'thanks',
  'purpose',
  'follow_up',
];

/** One sentence of a turn, with its own form and the cue that decided it. */
export interface SentenceAnalysis {
  text: string;
  form: Form;
  why: string;
}

/** The analyzer's verdict on one user turn. */
export interface Analysis {
  text: string;
  form: Form;
  intents: Intent[];
  sentences: SentenceAnalysis[];
  /** Which cues decided the form and each intent, for coaching and debugging. */
  why: string;
  /** An open rewrite of a closed question, when a template fits. */
  suggestion?: string;
}
