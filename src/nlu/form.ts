import type { Form } from './types.js';
import {
  AUX,
  OPEN_AFTER_HOW,
  DETERMINER,
  DROPPED_SUBJECT,
  FACT_MODIFIER,
  FACT_NOUN,
  FILLER,
  MANNER,
  NARRATIVE_STEMS,
  PRONOUN,
  SUBJECT,
  WH,
  stem,
  words,
} from './words.js';

/** A form with the cue that decided it. */
export interface FormVerdict {
  form: Form;
  why: string;
  /** The deciding clause, fillers stripped (for rewriting a closed question). */
  clause?: readonly string[];
}

const RANK: Record<Form, number> = { statement: 0, closed: 1, open: 2 };

/** The stronger of two verdicts: open over closed over statement (the first wins a tie). */
export function stronger(a: FormVerdict, b: FormVerdict): FormVerdict {
  return RANK[b.form] > RANK[a.form] ? b : a;
}

const STATEMENT: FormVerdict = { form: 'statement', why: 'no question or prompt' };

const SOFTENERS = words('please possibly maybe just kindly perhaps also briefly quickly actually ever still again really');
const GIVE_OBJECTS = words(
  'overview sense picture idea example examples rundown breakdown background tour insight feel summary description glimpse taste walkthrough',
);

/** If tokens[i] starts a verb phrase asking someone to narrate, return that phrase. */
function narrativeAt(t: readonly string[], i: number): string | null {
  const w = t[i];
  if (w === undefined || !NARRATIVE_STEMS.has(stem(w))) return null;
  const s = stem(w);
  const n1 = t[i + 1];
  const n2 = t[i + 2];
  const phrase = (k: number) => t.slice(i, i + k).join(' ');
  switch (s) {
    case 'walk':
    case 'run':
    case 'take':
      return n1 === 'through' || ((n1 === 'me' || n1 === 'us') && n2 === 'through') ? phrase(3) : null;
    case 'talk':
      return n1 !== undefined && words('about me us through a more to briefly bit').has(n1) ? phrase(2) : null;
    case 'sai':
      return n1 === 'more' || (n1 === 'a' && (n2 === 'bit' || n2 === 'little')) || (n1 === 'something' && n2 === 'about')
        ? phrase(2)
        : null;
    case 'give': {
      const window = t.slice(i + 1, i + 5);
      return window.some((x) => GIVE_OBJECTS.has(x)) ? phrase(3) : null;
    }
    case 'help':
      return (n1 === 'me' || n1 === 'us') && n2 !== undefined && words('understand see picture grasp').has(n2) ? phrase(3) : null;
    case 'fill':
      return (n1 === 'me' || n1 === 'us') && n2 === 'in' ? phrase(3) : null;
    case 'go':
      return n1 !== undefined && words('over through into').has(n1) ? phrase(2) : null;
    case 'break':
      return n1 === 'down' || n2 === 'down' ? phrase(2) : null;
    case 'speak':
      return n1 !== undefined && words('to about more a').has(n1) ? phrase(2) : null;
    default:
      return phrase(n1 === 'me' || n1 === 'us' ? 2 : 1);
  }
}

/** Skip softeners ("please", "maybe") from index i and return the next index. */
function skipSofteners(t: readonly string[], i: number): number {
  while (i < t.length && SOFTENERS.has(t[i]!)) i++;
  return i;
}

const EMBEDDERS: readonly string[][] = [
  'i was wondering', 'i am wondering', 'i wonder', 'i wondered', 'was wondering', 'wondering', 'i am curious',
  'i am just curious', 'i was curious', 'just curious', 'curious', 'can i ask you', 'could i ask you',
  'may i ask you', 'can i ask', 'could i ask', 'may i ask', 'let me ask you', 'let me ask', 'i wanted to ask you',
  'i wanted to ask', 'i want to ask you', 'i want to ask', 'i would like to ask you', 'i would like to ask',
  'i would love to ask', 'my question is', 'my question was', 'the question is', 'quick question', 'one more question',
  'one last question', 'last question', 'another question', 'i have a question', 'out of curiosity',
  'i would be grateful to know', 'i would be grateful to hear', 'i would be grateful to learn', 'i would like to know',
  'i would love to know', 'i want to know', 'i wanted to know', 'i need to know',
  'do you mind me asking', 'if you do not mind me asking', 'if i may ask', 'if you do not mind',
].map((p) => p.split(' '));

function startsWith(t: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((w, k) => t[k] === w);
}

/** Strip leading fillers ("so, um, okay and…"). */
export function stripFillers(t: readonly string[]): string[] {
  let i = 0;
  while (i < t.length && (FILLER.has(t[i]!) || t[i] === ',')) i++;
  return t.slice(i);
}

/** "what's the pay like starting out": "like" after the thing asked about (not "would you like to", "do you like"). */
function describedLike(t: readonly string[]): boolean {
  const k = t.indexOf('like', 2);
  if (k < 0 || t[k + 1] === 'to') return false;
  const before = t[k - 1]!;
  return before === 'it' || (!PRONOUN.has(before) && !AUX.has(before));
}

/** Classify a clause that starts with a wh-word. */
function whClause(t: readonly string[], embedded: boolean): FormVerdict {
  const [w, n1, n2] = t;
  // "what you said makes sense", "when I was in school": a subordinate clause, not a question.
  if (!embedded && n1 !== undefined && PRONOUN.has(n1) && w !== 'who') {
    return STATEMENT;
  }
  switch (w) {
    case 'why':
      return { form: 'open', why: '"why" question' };
    case 'how': {
      if (n1 === undefined) return { form: 'closed', why: '"how" alone' };
      if (n1 === 'come' || n1 === 'so' || n1 === 'about') return { form: 'open', why: `"how ${n1}"` };
      if (AUX.has(n1)) {
        // "how are you (doing)?" is a greeting answered in a word.
        if (/^how (are you|is it going|have you been|is your (day|week|morning)|was your (day|week|weekend))( doing| going| today| so far)*$/.test(t.join(' '))) {
          return { form: 'closed', why: 'greeting ("how are you")' };
        }
        return { form: 'open', why: `"how" + verb "${n1}"` };
      }
      if (PRONOUN.has(n1) || OPEN_AFTER_HOW.has(n1)) return { form: 'open', why: `"how ${n1}…"` };
      if (MANNER.has(n1) && n2 !== undefined && AUX.has(n2)) return { form: 'open', why: `"how ${n1}" + verb` };
      if (!embedded && t.length <= 4 && !t.slice(2).some((x) => AUX.has(x) && x !== 'is')) {
        // "how interesting", "how cool is that": an exclamation.
        return t.length <= 2 ? STATEMENT : { form: 'statement', why: 'exclamation' };
      }
      return { form: 'closed', why: `"how ${n1}" asks for a degree or amount` };
    }
    case 'what': {
      if (n1 === undefined) return { form: 'open', why: '"what?"' };
      if (!embedded && (n1 === 'a' || n1 === 'an')) return { form: 'statement', why: 'exclamation ("what a…")' };
      if (n1 === 'about' || n1 === 'if' || n1 === 'else') return { form: 'open', why: `"what ${n1}"` };
      if (t[t.length - 1] === 'like' || describedLike(t)) return { form: 'open', why: '"what … like" asks for a description' };
      if (FACT_NOUN.has(n1)) return { form: 'closed', why: `"what ${n1}" asks for one fact` };
      const afterVerb = n1 === 'is' || n1 === 'was' || n1 === 'are' ? 2 : DETERMINER.has(n1) ? 1 : -1;
      if (afterVerb > 0 && t[afterVerb] !== undefined && DETERMINER.has(t[afterVerb]!)) {
        for (let k = afterVerb + 1; k < Math.min(t.length, afterVerb + 4); k++) {
          const x = t[k]!;
          if (FACT_NOUN.has(x) && (x !== 'team' && x !== 'company' || k === t.length - 1)) {
            return { form: 'closed', why: `"what is ${t[afterVerb]} ${x}" asks for one fact` };
          }
          if (!FACT_MODIFIER.has(x)) break;
        }
      }
      return { form: 'open', why: '"what" question' };
    }
    case 'where':
      if (/\bwhere do you see\b.*\b(going|heading|headed|in \w+ years)\b/.test(t.join(' '))) {
        return { form: 'open', why: '"where do you see … going" asks for an opinion' };
      }
      // "where is the field going / headed": where a field is going is a description, not a place.
      if (/^where (is|are) (?!(you|i|we)\b)(\w+ ){1,4}(going|heading|headed)\b/.test(t.join(' '))) {
        return { form: 'open', why: '"where is … going" asks where a field is heading' };
      }
      return { form: 'closed', why: '"where" asks for a place' };
    case 'when':
      return { form: 'closed', why: '"when" asks for a time' };
    case 'which':
      return { form: 'closed', why: '"which" asks to pick' };
    default:
      return { form: 'closed', why: `"${w}" asks to name someone` };
  }
}

/** Classify a clause that starts with an auxiliary verb ("do you…", "could you tell…"). */
function auxClause(t: readonly string[], qmark: boolean): FormVerdict | null {
  const [a, n1] = t;
  let i = 1;
  if (n1 === 'not') i = 2;
  const subj = t[i];
  if (subj === undefined) return qmark ? { form: 'closed', why: `"${a}?"` } : null;
  if (!qmark && (DROPPED_SUBJECT.has(subj) || WH.has(subj) || (!SUBJECT.has(subj) && !UNPUNCTUATED_AUX.has(a!)) || t.length < 3)) return null;
  const head = `${a} ${subj}`;
  if (subj === 'you' && words('could can would will might').has(a!)) {
    const v = skipSofteners(t, i + 1);
    const cue = narrativeAt(t, v);
    if (cue) return { form: 'open', why: `request to narrate "${head} ${cue}"` };
    // "would you mind sharing…", "would you be willing to explain…"
    if (t[v] === 'mind' || t[v] === 'be') {
      let k = v + 1;
      while (k < t.length && words('willing open able happy to so kind as enough').has(t[k]!)) k++;
      const inner = narrativeAt(t, skipSofteners(t, k));
      if (inner) return { form: 'open', why: `request to narrate "${head} ${t[v]} … ${inner}"` };
    }
  }
  if (a === 'do' && subj === 'you' && t[i + 1] === 'mind') {
    const inner = narrativeAt(t, skipSofteners(t, i + 2));
    if (inner) return { form: 'open', why: `request to narrate "do you mind ${inner}"` };
  }
  // "can I ask how you…": the embedded question decides.
  if (subj === 'i' && t[i + 1] === 'ask') {
    let k = i + 2;
    if (t[k] === 'you') k++;
    if (t[k] !== undefined && WH.has(t[k]!)) return whClause(t.slice(k), true);
    if (t[k] === 'about') return { form: 'open', why: `"${head} ask about…" invites elaboration` };
  }
  return { form: 'closed', why: `yes/no question "${head}…"` };
}

/** Auxiliaries that start a yes/no question typed without "?" whatever the subject ("is pay public at your org"). */
const UNPUNCTUATED_AUX = words('is are was were do does did has have can could would will should');
/** "any tips for …", "anything you wish you knew earlier": an elliptical yes/no question. */
const ANY = words('any anything anyone anybody any1');
const NOT_AFTER_ANY = words('time way more less longer case');
/** After "would", these make an "any …" line a statement ("any advice would be great", "any help would mean a lot"). */
const WOULD_STATEMENT = words('be mean help make go');
/** "any advice would be great": a statement; "any books you would suggest": still a question. */
function wouldBe(t: readonly string[]): boolean {
  for (let k = 0; k < t.length - 1; k++) if (t[k] === 'would' && WOULD_STATEMENT.has(t[k + 1]!)) return true;
  return t[t.length - 1] === 'would';
}
/** "I've always wondered what …", "I'd love to hear how …": a statement that asks them to tell. */
const WONDER = /\b(i|we) (\w+ ){0,4}(curious|wondering|wondered|wonder)( to (hear|know))?( \w+){0,2}? (how|what|why)\b/;
const HEAR = /\b(i|we) (\w+ ){0,4}(love|like|want|wanted|hoping|hope|glad|keen|eager|curious) to (\w+ ){0,2}(hear|know)( \w+){0,3}? (how|what|why|about|more|whether)\b/;
/** Before "who/where/when/which", these start a new question rather than a relative clause ("so who else …"). */
const QUESTION_LEAD = words('so like but and um uh then ok okay well q basically honestly tbh lol anyway just quickly now also really');

const INVITE =
  /^(i|we)( \w+){0,4} (love|like|interested|curious|keen|eager|hoping|hope|want|wanted|glad|happy|grateful|appreciate) (to )?(\w+ ){0,2}(hear|hearing|learn|learning|know|knowing|understand|understanding|ask|asking)( \w+)*? (about|how|what|why|more|your|whether|if)\b.*\byour?\b/;
const INVITE_OPINION = /^(i|we)( \w+){0,3} (love|like|appreciate|value|welcome) (to (get|have|hear) )?your( \w+)? (thoughts|take|perspective|view|views|opinion|advice|insight|insights|input)\b/;
const INVITE_IMPERSONAL = /^(it|that|this) (would|will|could|might) (be|mean) (\w+ )?(great|helpful|nice|wonderful|amazing|interesting|useful|good|fascinating|valuable|a lot) to (hear|learn|know|understand|get a sense of)\b.*\byour?\b/;
const YOU_NARRATE = /\b(if you (could|would|can|might)|you could|you can|you might) (please |maybe |just |possibly )?(tell|describe|explain|share|walk|talk about|say more|elaborate|expand)\b/;

/** Classify one clause. `qmark`: it ends a sentence that ended with "?". */
function clauseForm(raw: readonly string[], qmark: boolean): FormVerdict {
  let t = stripFillers(raw);
  if (t.length === 0) return STATEMENT;
  let embedded = false;
  for (const p of EMBEDDERS) {
    if (startsWith(t, p) && t.length > p.length) {
      t = t.slice(p.length);
      embedded = true;
      break;
    }
  }
  if (embedded) {
    // "I was wondering if you could tell me…" reads as "could you tell me…".
    if (t[0] === 'if' || t[0] === 'whether') {
      const rest = t.slice(1);
      if (rest[0] !== undefined && rest[1] !== undefined && SUBJECT.has(rest[0]) && AUX.has(rest[1])) {
        const v = auxClause([rest[1], rest[0], ...rest.slice(2)], true);
        if (v) return v;
      }
      return { form: 'closed', why: 'embedded yes/no question ("… if/whether …")' };
    }
    if (t[0] === 'about') return { form: 'open', why: 'asks about a topic ("curious about…")' };
    if (t[0] !== undefined && !WH.has(t[0]) && !AUX.has(t[0])) {
      return qmark ? { form: 'closed', why: 'question mark, no open cue' } : STATEMENT;
    }
  }
  const w = t[0]!;
  if (WH.has(w)) {
    const v = whClause(t, embedded || qmark);
    // "when you hire new grads what do you look for": a clause that opens with "when", "where" or
    // "how" but is not itself a question may lead into one (read below).
    if (v.form !== 'statement') return v;
  }
  if (AUX.has(w)) {
    const v = auxClause(t, qmark || embedded);
    if (v) return v;
  }
  if (!qmark && ANY.has(w) && t.length >= 2 && !NOT_AFTER_ANY.has(t[1]!) && !wouldBe(t)) return { form: 'closed', why: `"${w} …" asks for yes or no` };
  if (w === 'please') t = t.slice(1);
  const cue = narrativeAt(t, 0);
  if (cue) return { form: 'open', why: `prompt "${cue}"` };
  const joined = t.join(' ');
  if (INVITE.test(joined) || INVITE_OPINION.test(joined) || INVITE_IMPERSONAL.test(joined) || WONDER.test(joined) || HEAR.test(joined)) return { form: 'open', why: 'statement inviting elaboration' };
  {
    // A question inverted later in the clause, after a preface: "so like what does a normal day look
    // like" (typed without "?"), "if you were in my shoes what would you do first?".
    for (let k = 1; k + 2 < t.length; k++) {
      if (!WH.has(t[k]!) || (!words('what how why').has(t[k]!) && !QUESTION_LEAD.has(t[k - 1]!))) continue;
      const at = t[k + 1] === 'else' ? k + 2 : k + 1;
      if (AUX.has(t[at] ?? '') && SUBJECT.has(t[at + 1] ?? '') && t[at + 1] !== 'it' && t[at + 1] !== 'that') {
        const v = whClause(t.slice(k), true);
        return { ...v, why: `${v.why}${qmark ? ', after a preface' : ', typed without "?"'}` };
      }
    }
  }
  if ((t[0] === 'i' || t[0] === 'we') && YOU_NARRATE.test(joined)) {
    return { form: 'open', why: 'asks them to tell or explain' };
  }
  return STATEMENT;
}

const CLAUSE_BREAK = words('and or but so');
/** Subjects of an inverted condition however the sentence runs: "should anything come up". */
const CONDITION_SUBJECT = words('anything anyone anybody something someone there');
/** Subjects that make "should …" a condition only beside another clause: "should the need arise, call me". */
const CONDITION_SUBJECT_BESIDE = words('any an a the');
/** After "should you", the verbs of a polite condition: "should you wish to review it". */
const CONDITION_VERB = words('wish want like need prefer care find have');
/**
 * An inverted condition: "should anything come up", "should there be an opening", "should you wish
 * to…", "had I known". `alone`: the clause is the whole sentence, so "should a new grad start on
 * med-surg" (typed without "?") is a question, while "…, should a role open up" is a condition.
 */
function isConditional(t: readonly string[], alone: boolean): boolean {
  if (t[0] === 'should' && t[1] === 'you' && CONDITION_VERB.has(t[2] ?? '')) return true;
  if (t[0] === 'should' && (CONDITION_SUBJECT.has(t[1] ?? '') || (!alone && CONDITION_SUBJECT_BESIDE.has(t[1] ?? '')))) return true;
  return t[0] === 'had' && t[1] === 'i' && t[2] !== undefined && t[2].endsWith('n');
}
const RELATIVE = words('which who whom whose where when');

/** Split a sentence's tokens into clauses at commas and at "and/or/but" before a new question. */
function clauses(t: readonly string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!;
    if (w === ',') {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    const next = t[i + 1];
    const after = t[i + 2];
    if (
      CLAUSE_BREAK.has(w) && cur.length > 0 && next !== undefined &&
      (WH.has(next) || (AUX.has(next) && after !== undefined && SUBJECT.has(after) && after !== 'a'))
    ) {
      out.push(cur);
      cur = [];
      continue;
    }
    cur.push(w);
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * The form of one sentence from its normalised tokens: the strongest form among its clauses, and
 * "closed" for a question mark with no open or closed cue ("Really?", "Any tips?").
 */
export function sentenceForm(tokens: readonly string[], question: boolean): FormVerdict {
  const parts = clauses(tokens);
  let best: FormVerdict = STATEMENT;
  parts.forEach((c, k) => {
    const qmark = question && k === parts.length - 1;
    // ", which has been…", ", who told me…": a relative clause after a comma, not a question.
    if (k > 0 && !qmark && RELATIVE.has(stripFillers(c)[0] ?? '')) return;
    // "…, should anything come up": a condition, not a question.
    if (!qmark && isConditional(stripFillers(c), parts.length === 1)) return;
    best = stronger(best, { ...clauseForm(c, qmark), clause: stripFillers(c) });
  });
  if (best.form === 'statement' && question) return { form: 'closed', why: 'question mark, no open cue' };
  return best;
}
