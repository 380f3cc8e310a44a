import { analyze, type Intent } from '../nlu/index.js';

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
  intents: Set<Intent>;
}

function read(text: string): Reading {
  const b = body(text);
  const intents = new Set<Intent>();
  // Each line on its own (signatures and greetings are lines), each analysed as a turn would be.
  for (const s of b.split(/\n+|(?<=[.!?])\s+/)) if (s.trim()) for (const i of analyze(s.trim()).intents) intents.add(i);
  const straight = b.replace(/[\u2018\u2019]/g, "'");
  return { text: straight, lower: straight.toLowerCase(), intents };
}

// A capitalised name after "I'm" / "my name is", or under a sign-off.
const NAME = /\b([Mm]y name is|[Ii] am|[Ii]'m|[Tt]his is)\s+[A-Z][a-z]+|\n[ \t]*(best|thanks|thank you|regards|sincerely|cheers|warmly|all the best)[^\n]*(?:\n[ \t]*){1,3}[A-Z][a-z]+/;
const STATUS = /\b(student|graduate|graduating|grad|alum|alumna|alumnus|alumni|major(ing)?|junior|senior|sophomore|freshman|phd|master'?s|mba|bootcamp|career changer|changing careers|career change|transition(ing)?|pivot(ing)?|currently (work|working)|i work (as|at|in)|working as|teacher|nurse|engineer|analyst|veteran|intern)\b/;
const CONNECTION = /\b(referred|suggested (that )?i|recommended (that )?i|gave me your (name|contact|email)|passed (along )?your|mutual|alumni|alumna|alumnus|fellow (graduate|alum)|read your|saw your|watched your|heard you|listened to your|your (article|post|talk|panel|interview|podcast|presentation|piece|book)|at the (conference|event|meetup|panel|career fair|workshop|webinar)|found you (through|on|via)|came across your|linkedin group|our (school|university|college|program)|we met)\b/;
const WHY_YOU = /\b(because you|since you|as someone who|given your|your (experience|work|path|career|move|switch|transition|background|role|perspective) (in|at|from|as|on|with|into)|you (moved|switched|made the (move|switch|jump)|started|transitioned|went from|have worked))\b/;
const LEARN = /\b(learn|advice|insight|insights|perspective|hear (about|how|more)|your experience|career path|your path|how you (got|made|moved|started|decided|built)|questions about|understand|get a sense|pick your brain)\b/;
const RESUME = /\b(attached (is )?(my|a copy of my) (resume|cv)|(resume|cv) (is )?attached|i('ve| have) attached my (resume|cv)|attaching my (resume|cv)|enclosed (is )?my (resume|cv)|(i'?ll|i will|happy to) (send|forward|share) (you )?my (resume|cv)|my (resume|cv) (for your|so you)|find my (resume|cv))\b/;
const MINUTES = /\b(\d{1,3}|ten|fifteen|twenty|twenty-five|thirty|forty-five|sixty)[\s-]*(minutes?|mins?)\b|\b(half an hour|an hour|one hour|a quick call|a few minutes)\b/;
const FORMAT = /\b(call|phone|zoom|video|teams|meet|coffee|chat|conversation|in person|in-person|virtual|google meet)\b/;
const PROPOSES = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|this week|week of|morning|afternoon|evening|\d{1,2}(:\d{2})?\s*(am|pm)|\d{1,2}\/\d{1,2}|(january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2})\b/;
const AVAILABILITY = /\b(what works (best )?for you|your availability|when (you are|you're|would you be) (free|available)|at your convenience|whenever (suits|works)|if you have (time|a few minutes|15|twenty)|would you be (open|available|willing)|a time that (works|suits)|happy to work around|fits your schedule)\b/;
const PRESUMPTUOUS = /\b(name the (date|time)|send me your calendar|send (me )?your availability by|i('ll| will) (call|phone|stop by|drop by|come by) (you )?(on|at|tomorrow|monday|tuesday|wednesday|thursday|friday)|expect (my|a) call|i('ve| have) (already )?(booked|scheduled|sent (you )?(a|an) (calendar )?invite)|please (respond|reply|confirm) by|you must|i need you to|asap|as soon as possible|i expect)\b/;
const BUSY = /\b(you('re| are) (busy|very busy|swamped)|busy schedule|how busy|your time is (valuable|precious|limited)|respect your time|value your time|(no|zero) pressure|understand if (you|now)|if (now|this) (is not|isn't) a good time|appreciate (your|any) time|grateful for (your|any) time|taking the time|take the time|for your time|limited time)\b/;
const SPECIFIC = /\b(you (mentioned|said|suggested|recommended|told me|explained|described|pointed out|shared|talked about)|your (advice|point|story|suggestion|comment|explanation|description|tip) (about|on|that|to)|especially (your|the|how|when)|i (loved|enjoyed|appreciated|was struck by|found) (hearing|learning|your|how|the (part|story|point))|the (story|example|project|book|article|podcast|course|association|certification) you)\b/;
const LOOSE_ENDS = /\b(i('ll| will| plan to| am going to)|i('ve| have) (already )?|i just) (reach(ed)? out|contact(ed)?|email(ed)?|writ(e|ten)|read|look(ed)? (into|up)|sign(ed)? up|join(ed)?|register(ed)?|follow(ed)? up|listen(ed)? to|check(ed)? out|order(ed)?|enrol(l)?(ed)?|start(ed)?)\b|\b(as you suggested|per your suggestion|following your advice|thanks to your (intro|introduction|suggestion))\b|\b(look(ing)? forward to (the|your) (intro|introduction|names))\b/;
const KEEP_IN_TOUCH = /\b(keep in touch|stay in touch|keep you (posted|updated|informed|in the loop)|let you know how|update you|touch base|connect on linkedin|reach out again|circle back)\b/;

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
  const job = r.intents.has('job_ask');
  const resume = RESUME.test(r.lower) || r.intents.has('resume_push');
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
  const bounded = minutes !== undefined && minutes >= 10 && minutes <= 30;
  const format = FORMAT.test(r.lower);
  const presumptuous = PRESUMPTUOUS.test(r.lower);
  if (presumptuous) flags.push('presumptuous');
  const thanks = r.intents.has('thanks');
  const busy = BUSY.test(r.lower) || r.intents.has('time_check');
  const checks: Check[] = [
    check('identity', NAME.test(r.text) && STATUS.test(r.lower), 'Says who you are and where you stand.', 'It does not say clearly who you are (your name and whether you are a student, graduate or changing careers).', 'Open with one line: "I\'m Sam Lee, a senior studying economics at State."'),
    check('connection', CONNECTION.test(r.lower) && WHY_YOU.test(r.lower), 'Says how you found them and why them.', CONNECTION.test(r.lower) ? 'Says how you found them, but not why this person in particular.' : 'It does not say how you found them or who referred you.', 'Name the link and the reason: "Professor Diaz suggested I write to you because you moved from teaching into UX."'),
    check('asks_to_learn', LEARN.test(r.lower), 'Asks to learn from their experience.', 'It does not say what you hope to learn.', 'Say what you want to learn: "I\'d love to hear how you made the move and what you\'d do in my place."'),
    ...jobChecks(r, flags),
    check('time_bounded', bounded && format, `Asks for a bounded ${minutes} minutes and names a format.`, !m ? 'It does not say how much time you are asking for.' : !bounded ? `It asks for ${m[0]}; 10–30 minutes is easier to say yes to.` : 'It does not name a format (call, video, coffee).', 'Ask for "a 20-minute call or coffee".'),
    check('scheduling', !presumptuous && (PROPOSES.test(r.lower) || AVAILABILITY.test(r.lower)), 'Proposes times or asks for their availability, politely.', presumptuous ? 'It is presumptuous about their time ("name the date", "send me your calendar", a call already booked).' : 'It neither proposes times nor asks when suits them.', 'Offer a choice and flexibility: "Would Tuesday or Thursday afternoon work, or another time that suits you?"'),
    lengthCheck(r, medium, flags),
    check('courteous', thanks && busy, 'Thanks them and acknowledges they are busy.', !thanks ? 'It does not thank them.' : 'It does not acknowledge that they are busy.', 'Close with "I know you\'re busy, so thank you for considering it."'),
  ];
  return { kind: 'outreach', medium, total: totalOf(checks), flags, checks };
}

/** Score a thank-you note sent after the meeting. */
export function scoreFollowup(text: string, medium: Medium = guessMedium(text)): LetterScore {
  const r = read(text);
  const flags: string[] = [];
  const checks: Check[] = [
    check('thanks', r.intents.has('thanks'), 'Thanks them.', 'It does not thank them.', 'Start with thanks: "Thank you for taking the time to talk with me on Tuesday."'),
    check('specific', SPECIFIC.test(r.lower), 'Mentions something specific from the conversation.', 'It mentions nothing specific from your conversation.', 'Name one thing that stayed with you: "Your point about building a portfolio first changed my plan."'),
    check('loose_ends', LOOSE_ENDS.test(r.lower) || r.intents.has('follow_up'), 'Closes loose ends: what you did or will do next.', 'It leaves loose ends: the names or resources they offered, and your next step.', 'Say what you will do: "I\'ve written to Priya, and I\'ll read the report you mentioned this week."'),
    check('keep_in_touch', KEEP_IN_TOUCH.test(r.lower), 'Asks to keep in touch.', 'It does not ask to keep in touch.', 'End with "I\'ll keep you posted on how it goes."'),
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
