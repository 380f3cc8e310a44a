import { analyze, letterLabels, type Intent, type LetterLabel } from '../nlu/index.js';

/** Which kind of message is scored. */
export type LetterKind = 'outreach' | 'followup';
/** How the message is sent; limits on length differ. */
export type Medium = 'email' | 'linkedin' | 'phone';

/** One check on a message. */
export interface Check {
  id: string;
  passed: boolean;
  note: string;
  suggestion: string;
}

/** A scored outreach message or thank-you note. */
export interface LetterScore {
  kind: LetterKind;
  medium: Medium;
  total: number;
  /** Serious problems, whatever the total: job_ask, resume_attached, presumptuous, too_long. */
  flags: string[];
  checks: Check[];
}

/** Longest LinkedIn connection note, in characters. */
export const LINKEDIN_LIMIT = 300;
/** Longest e-mail body still read as short, in words. */
export const EMAIL_WORDS = 200;
/** Longest phone script, in words (about a minute spoken). */
export const PHONE_WORDS = 150;

const words = (s: string) => (s.trim() ? s.trim().split(/\s+/).length : 0);

// [ \t]*, never \s*, after ^ with the m flag: \s* would run across newlines and rescan the same
// blank lines from every line start (a file of spaces and newlines took minutes).
const SUBJECT_LINE = /^[ \t]*subject[ \t]*:/im;
const SUBJECT_LINE_TEXT = /^[ \t]*subject[ \t]*:.*$/im;

/** Guess the medium: a Subject line means e-mail, a short note LinkedIn, "this is … calling" a phone script. */
export function guessMedium(text: string): Medium {
  if (SUBJECT_LINE.test(text)) return 'email';
  if (/\b(this is \w+|i'?m calling|calling (to|about|because)|leave a (voicemail|message))\b/i.test(text)) return 'phone';
  return text.trim().length <= LINKEDIN_LIMIT + 100 && !/\n\s*\n/.test(text.trim()) ? 'linkedin' : 'email';
}

/** The body of a message: without a Subject line. */
function body(text: string): string {
  return text.replace(SUBJECT_LINE_TEXT, '').trim();
}

interface Reading {
  text: string;
  lower: string;
  /** Turn intents of any sentence (a job ask is caught however the letter words it). */
  intents: Set<Intent>;
  /** Letter elements of any sentence, from the language model. */
  labels: Set<LetterLabel>;
}

/** Longest message read; the rest is kept for the length check but not analysed. */
export const MAX_LETTER_CHARS = 20_000;

function read(text: string): Reading {
  const b = body(text);
  const intents = new Set<Intent>();
  const labels = new Set<LetterLabel>();
  // Each line on its own (greetings and sign-offs are lines), each sentence read for its elements.
  for (const raw of b.slice(0, MAX_LETTER_CHARS).split(/\n+|(?<=[.!?])\s+/)) {
    const s = raw.trim();
    if (!s) continue;
    for (const i of analyze(s).intents) intents.add(i);
    const found = letterLabels(s);
    // "I'd love to work for your company" is no wish to learn: a job-hunting sentence teaches nothing.
    for (const l of found) if (!(l === 'learn' && found.includes('job_ask'))) labels.add(l);
  }
  const straight = b.replace(/[\u2018\u2019]/g, "'");
  return { text: straight, lower: straight.toLowerCase(), intents, labels };
}

// Facts, not judgements: how many minutes are asked for.
const MINUTES = /\b(\d{1,3}|ten|fifteen|twenty|twenty-five|thirty|forty-five|sixty)[\s-]*(minutes?|mins?)\b|\b(half an hour|an hour|one hour|a quick call|a few minutes)\b/;

function check(id: string, passed: boolean, ok: string, bad: string, suggestion: string): Check {
  return { id, passed, note: passed ? ok : bad, suggestion: passed ? '' : suggestion };
}

function lengthCheck(r: Reading, medium: Medium, flags: string[]): Check {
  const n = words(r.text);
  const chars = r.text.length;
  const [ok, limit] =
    medium === 'linkedin' ? [chars <= LINKEDIN_LIMIT, `${chars} characters; a LinkedIn note holds ${LINKEDIN_LIMIT}`] : medium === 'phone' ? [n <= PHONE_WORDS, `${n} words; keep a phone script under ${PHONE_WORDS} (about a minute)`] : [n <= EMAIL_WORDS, `${n} words; keep an e-mail under ${EMAIL_WORDS}`];
  if (!ok) flags.push('too_long');
  return check('brief', ok, `Short enough (${medium === 'linkedin' ? `${chars} characters` : `${n} words`}).`, `Too long: ${limit}.`, 'Cut it to who you are, why them, what you ask, and thanks.');
}

function jobChecks(r: Reading, flags: string[]): Check[] {
  const job = r.intents.has('job_ask') || r.labels.has('job_ask');
  const resume = r.labels.has('resume') || r.intents.has('resume_push');
  if (job) flags.push('job_ask');
  if (resume) flags.push('resume_attached');
  return [
    check('no_job_ask', !job, 'Asks for no job, opening or referral for a position.', 'It asks for a job, an opening, an interview or a referral for a position.', 'Ask to learn from their experience instead; the job conversation comes later, if ever.'),
    check('no_resume', !resume, 'No resume attached or promised.', 'It attaches or promises a resume, which makes it read like an application.', 'Leave the resume out; offer it only if they ask.'),
  ];
}

/** Score a request for an informational interview: e-mail, LinkedIn note or phone script. */
export function scoreOutreach(text: string, medium: Medium = guessMedium(text)): LetterScore {
  const r = read(text);
  const flags: string[] = [];
  const m = MINUTES.exec(r.lower);
  const minutes = m ? minutesOf(m[0]) : undefined;
  const asksForTime = r.labels.has('time_request') || m !== null;
  const bounded = asksForTime && (minutes === undefined || (minutes >= 10 && minutes <= 30));
  const presumptuous = r.labels.has('presumptuous');
  if (presumptuous) flags.push('presumptuous');
  const thanks = r.labels.has('thanks') || r.intents.has('thanks');
  const courtesy = thanks || r.labels.has('busy_ack') || r.intents.has('time_check');
  const connection = r.labels.has('connection');
  const checks: Check[] = [
    check('identity', r.labels.has('introduction'), 'Says who you are and where you stand.', 'It does not say clearly who you are (your name and whether you are a student, graduate or changing careers).', 'Open with one line: "I\'m Sam Lee, a senior studying economics at State."'),
    check('connection', connection && r.labels.has('why_you'), 'Says how you found them and why them.', connection ? 'Says how you found them, but not why this person in particular.' : 'It does not say how you found them or who referred you.', 'Name the link and the reason: "Professor Diaz suggested I write to you because you moved from teaching into UX."'),
    check('asks_to_learn', r.labels.has('learn'), 'Asks to learn from their experience.', 'It does not say what you hope to learn.', 'Say what you want to learn: "I\'d love to hear how you made the move and what you\'d do in my place."'),
    ...jobChecks(r, flags),
    check('time_bounded', bounded && r.labels.has('time_request'), `Asks for a bounded ${minutes !== undefined ? `${minutes} minutes` : 'short conversation'} in a named format.`, !asksForTime ? 'It does not say how much time you are asking for.' : !bounded ? `It asks for ${m![0]}; 10–30 minutes is easier to say yes to.` : 'It does not name a format (call, video, coffee).', 'Ask for "a 20-minute call or coffee".'),
    check('scheduling', !presumptuous && r.labels.has('availability'), 'Proposes times or asks for their availability, politely.', presumptuous ? 'It is presumptuous about their time ("name the date", "send me your calendar", a call already booked).' : 'It neither proposes times nor asks when suits them.', 'Offer a choice and flexibility: "Would Tuesday or Thursday afternoon work, or another time that suits you?"'),
    lengthCheck(r, medium, flags),
    check('courteous', courtesy, 'Courteous: thanks them or acknowledges their time.', 'It neither thanks them nor acknowledges that their time is limited.', 'Close with "I know you\'re busy, so thank you for considering it."'),
  ];
  return { kind: 'outreach', medium, total: totalOf(checks), flags, checks };
}

/** Score a thank-you note sent after the meeting. */
export function scoreFollowup(text: string, medium: Medium = guessMedium(text)): LetterScore {
  const r = read(text);
  const flags: string[] = [];
  const checks: Check[] = [
    check('thanks', r.labels.has('thanks') || r.intents.has('thanks'), 'Thanks them.', 'It does not thank them.', 'Start with thanks: "Thank you for taking the time to talk with me on Tuesday."'),
    check('specific', r.labels.has('specific'), 'Mentions something specific from the conversation.', 'It mentions nothing specific from your conversation.', 'Name one thing that stayed with you: "Your point about building a portfolio first changed my plan."'),
    check('loose_ends', r.labels.has('next_step') || r.intents.has('follow_up'), 'Closes loose ends: what you did or will do next.', 'It leaves loose ends: the names or resources they offered, and your next step.', 'Say what you will do: "I\'ve written to Priya, and I\'ll read the report you mentioned this week."'),
    check('keep_in_touch', r.labels.has('keep_in_touch'), 'Asks to keep in touch.', 'It does not ask to keep in touch.', 'End with "I\'ll keep you posted on how it goes."'),
    lengthCheck(r, medium, flags),
    ...jobChecks(r, flags),
  ];
  return { kind: 'followup', medium, total: totalOf(checks), flags, checks };
}

function minutesOf(s: string): number {
  const words = new Map([['ten', 10], ['fifteen', 15], ['twenty', 20], ['twenty-five', 25], ['thirty', 30], ['forty-five', 45], ['sixty', 60]]);
  if (/half an hour/.test(s)) return 30;
  if (/an hour|one hour/.test(s)) return 60;
  if (/a quick call|a few minutes/.test(s)) return 15;
  const n = /\d+/.exec(s);
  if (n) return Number(n[0]);
  const w = /[a-z-]+/.exec(s)?.[0] ?? '';
  return words.get(w) ?? 0;
}

function totalOf(checks: Check[]): number {
  return Math.round((checks.filter((c) => c.passed).length / checks.length) * 100);
}
