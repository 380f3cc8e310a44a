import { stronger, type FormVerdict } from './form.js';
import { currentModel, nearestExample, probabilities, strongestFeatures, turnVector, type Model, type Vec } from './model.js';
import { mentions, namesJob } from './features.js';
import { openRewrite } from './suggest.js';
import { AUX } from './words.js';
import { INTENTS, type Analysis, type Intent, type SentenceAnalysis, type TopicScore } from './types.js';

/** The topic head's label for a turn that asks about nothing in particular. */
export const NO_TOPIC = 'none';
/** Below this probability a job ask must name a job, hiring, an application or the asker to count. */
const WEAK_JOB_ASK = 0.5;
/** "if you were hiring", "when your team hires", "if employers are hiring": the contact or employers as the hirer. */
const HIRER_FRAME = / (if|when|whenever) (you|your team|your company|they|employers|companies|managers|people) (\w+ )?(\w+ )?(hire|hires|hiring|hired|recruit|recruits|recruiting) /;

/** What the rules that set a job-ask reading aside read about a turn (words are read only when asked for). */
interface TurnFacts {
  intents: readonly Intent[];
  form: Analysis['form'];
  /** The model's job_ask probability for the turn. */
  pJobAsk: number;
  words: () => readonly string[];
  /** Whether the turn uses a lexicon list ("self_word", "job_noun"). */
  says: (list: string) => boolean;
  /** Names a job, hiring or an application: what a job ask is about. */
  namesApplication: () => boolean;
}

/**
 * When a job_ask reading of the model is set aside (LABELS.md), tried in order: the first that
 * applies clears it, and its name and reason go into the turn's `why`.
 */
const NOT_JOB_ASK: ReadonlyArray<{ name: string; why: string; applies: (t: TurnFacts) => boolean }> = [
  {
    // A referral for a *position* is a job ask; one to a person, naming no job, hiring or
    // application, is a referral ask ("introduce me to your charge nurse so I can ask about nights").
    name: 'referral to a person',
    why: 'a referral to a person that names no job, hiring or application',
    applies: (t) => t.intents.includes('referral_ask') && !t.namesApplication(),
  },
  {
    // A job ask is for oneself and names what is asked for: a weak reading of a turn that names no
    // job, hiring or application and never says "me" or "I" asks about their team, not to join it
    // ("Is your team big?").
    name: 'weak and impersonal',
    why: 'names no job, hiring or application, and nothing for the asker',
    applies: (t) => t.pJobAsk < WEAK_JOB_ASK && !t.namesApplication() && !t.says('self_word'),
  },
  {
    // A question about how hiring works is not a job ask: an open question that puts them in the
    // hirer's place ("if you were hiring…", "when you hire…"), never says "me" or "I" and names no
    // opening, role or interview asks what they look for, not to be hired.
    name: 'hirer\'s place',
    why: 'an open question that puts them in the hirer\'s place ("if you were hiring…")',
    applies: (t) => t.form === 'open' && HIRER_FRAME.test(` ${t.words().join(' ')} `) && !t.says('self_word') && !t.says('job_noun'),
  },
];

/** How many topic candidates an analysis keeps. */
const TOPIC_CANDIDATES = 3;
const RANK = { statement: 0, closed: 1, open: 2 } as const;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Words after "or" that keep a question yes/no: "…or not?", "…or anything?", "two years or so". */
const OR_TAILS = new Set(['not', 'no', 'nah', 'what', 'something', 'anything', 'so', 'whatever']);
/**
 * "Should I start on med-surg or go straight to a specialty?": answered by choosing, not with yes
 * or no, so the contact does not open with "Sure —". An "or" between two words of the clause
 * (not first, not last, not "or not").
 */
function asksToChoose(clause: readonly string[]): boolean {
  for (let k = 1; k < clause.length - 1; k++) if (clause[k] === 'or' && !OR_TAILS.has(clause[k + 1]!)) return true;
  return false;
}

/**
 * Analyse one user turn: its form (open / closed / statement, from rules over each clause's first
 * words), its intents and topic (from the trained model), each sentence's own form, the cues that
 * decided, and an open rewrite for a closed question.
 *
 * Intents are read from the whole turn and from each sentence (a job ask at the end of a long
 * friendly turn still counts); the topic from the question that decides the form (the main
 * clause), falling back to the whole turn. Pure, synchronous and deterministic; never throws on
 * any text (a missing model file throws ModelError). Loads the model on first call. Text past
 * MAX_ANALYSED_CHARS (or past MAX_SENTENCES sentences) is not read, but `text` in the result is
 * the input unchanged.
 */
export function analyze(text: string, options: { explain?: boolean } = {}): Analysis {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const m = currentModel();
  const sentences: SentenceAnalysis[] = [];
  let best: FormVerdict = { form: 'statement', why: 'no question or prompt' };
  const { units: parts, vecs, whole, forms } = turnVector(m, input);
  const units = parts.map((u, k) => {
    const verdict = forms[k]!;
    sentences.push({ text: u.text, form: verdict.form, why: verdict.why });
    best = stronger(best, verdict);
    return { vec: vecs[k]!, form: verdict.form };
  });
  if (units.length === 0) return { text: input, form: 'statement', intents: [], sentences, topics: [], yesNo: false, why: `statement: ${best.why}` };
  const all = units.length > 1 ? [whole, ...vecs] : [whole];

  const { p: intentP, from: intentFrom } = strongestIntents(m, all, whole);
  const closest = (v: Vec, label: string) => {
    const ex = options.explain ? nearestExample(m, v, label) : undefined;
    return ex ? ` — closest to "${ex}"` : '';
  };
  let intents: Intent[] = INTENTS.filter((_, j) => intentP[j]! >= m.intent.thresholds[j]!);
  // The rules below read the turn's words, each only when its intents call for it.
  let words: string[] | undefined;
  const turnWords = () => (words ??= parts.flatMap((u) => u.tokens));
  const says = (list: string) => mentions(turnWords(), m.lookups, list);
  const pJobAsk = intentP[INTENTS.indexOf('job_ask')]!;
  let cleared: (typeof NOT_JOB_ASK)[number] | undefined;
  if (intents.includes('job_ask')) {
    const facts: TurnFacts = { intents, form: best.form, pJobAsk, words: turnWords, says, namesApplication: () => namesJob(turnWords(), m.lookups) || says('resume_noun') };
    cleared = NOT_JOB_ASK.find((r) => r.applies(facts));
  }
  if (cleared) intents = intents.filter((i) => i !== 'job_ask');
  // LABELS.md: asking to have one's resume passed along is a job ask ("could I send you my resume
  // so you can pass it along to HR?"), however the model weighs the resume push in it.
  const resumePassedOn = intents.includes('resume_push') && !intents.includes('job_ask') && says('pass_on');
  if (resumePassedOn) intents = INTENTS.filter((i) => i === 'job_ask' || intents.includes(i));

  // Topic: from the strongest question sentence (its main clause), else the whole turn.
  const questions = units.filter((u) => u.form !== 'statement');
  const top = questions.length ? Math.max(...questions.map((u) => RANK[u.form])) : -1;
  const candidates = questions.filter((u) => RANK[u.form] === top).map((u) => u.vec);
  if (candidates.length === 0 || units.length > 1) candidates.push(whole);
  const none = m.topic.labels.indexOf(NO_TOPIC);
  const bestOf = (q: Float64Array) => {
    let b = 0;
    for (let j = 0; j < q.length; j++) if (j !== none && q[j]! > b) b = q[j]!;
    return b;
  };
  let topicP: Float64Array | undefined;
  let topicVec = whole;
  for (const v of candidates) {
    const p = probabilities(m.topic, v);
    if (!topicP || bestOf(p) > bestOf(topicP)) {
      topicP = p;
      topicVec = v;
    }
  }
  const topics = topCandidates(m.topic.labels, topicP!);

  const formWhy: FormVerdict = best;
  // The explanation is read for transcripts, `analyze` and coaching, not for the contact's reply:
  // it is worked out the first time it is read.
  const explain = () => {
    const cues = intents.filter((i) => !(resumePassedOn && i === 'job_ask')).map((i) => {
      const j = INTENTS.indexOf(i);
      return `${i} ${intentP[j]!.toFixed(2)}: ${strongestFeatures(m, m.intent, intentFrom[j]!, j).join(', ')}${closest(intentFrom[j]!, i)}`;
    });
    if (cleared) cues.push(`not job_ask (${cleared.name}, ${pJobAsk.toFixed(2)}): ${cleared.why}`);
    if (resumePassedOn) cues.push('job_ask: asks to have a resume passed on to whoever hires');
    const t0 = topics[0]!;
    if (t0.id !== NO_TOPIC) cues.push(`topic ${t0.id} ${t0.p.toFixed(2)}: ${strongestFeatures(m, m.topic, topicVec, m.topic.labels.indexOf(t0.id)).join(', ')}${closest(topicVec, t0.id)}`);
    return [`${formWhy.form}: ${formWhy.why}`, ...cues].join('; ');
  };
  const yesNo = best.form === 'closed' && AUX.has(best.clause?.[0] ?? '') && !asksToChoose(best.clause!);
  const clause = best.form === 'closed' ? best.clause : undefined;
  return new TurnAnalysis(input, best.form, intents, sentences, topics, yesNo, explain, clause ? () => openRewrite(clause.join(' ')) : undefined);
}

/**
 * An analysis whose explanation (`why`) is worked out the first time it is read: the contact's
 * reply never needs it, transcripts and coaching do. JSON and copies include it.
 */
class TurnAnalysis implements Analysis {
  #why: string | undefined;
  readonly #explain: () => string;
  #suggestion: string | undefined | null = null;
  readonly #rewrite: (() => string | undefined) | undefined;
  constructor(
    public text: string,
    public form: Analysis['form'],
    public intents: Intent[],
    public sentences: SentenceAnalysis[],
    public topics: TopicScore[],
    public yesNo: boolean,
    explain: () => string,
    rewrite?: () => string | undefined,
  ) {
    this.#explain = explain;
    this.#rewrite = rewrite;
  }
  /** The open rewrite of a closed question, worked out when first read (coaching, transcripts). */
  get suggestion(): string | undefined {
    if (this.#suggestion === null) this.#suggestion = this.#rewrite?.() || undefined;
    return this.#suggestion;
  }
  set suggestion(v: string | undefined) {
    this.#suggestion = v;
  }
  get why(): string {
    return (this.#why ??= this.#explain());
  }
  set why(v: string) {
    this.#why = v;
  }
  toJSON(): Analysis {
    const { text, form, intents, sentences, topics, yesNo, why, suggestion } = this;
    return { text, form, intents, sentences, topics, yesNo, why, ...(suggestion !== undefined ? { suggestion } : {}) };
  }
}

/** The TOPIC_CANDIDATES most probable topics, rounded, most probable first (ties by id). */
function topCandidates(labels: readonly string[], p: Float64Array): TopicScore[] {
  const topics: TopicScore[] = [];
  for (let j = 0; j < p.length; j++) {
    const q = round3(p[j]!);
    const id = labels[j]!;
    let at = topics.length;
    while (at > 0 && (q > topics[at - 1]!.p || (q === topics[at - 1]!.p && id < topics[at - 1]!.id))) at--;
    if (at < TOPIC_CANDIDATES) {
      topics.splice(at, 0, { id, p: q });
      if (topics.length > TOPIC_CANDIDATES) topics.pop();
    }
  }
  return topics;
}

/** Each intent's strongest reading over the whole turn and its sentences, and the vector it came from. */
function strongestIntents(m: Model, all: readonly Vec[], whole: Vec): { p: number[]; from: Vec[] } {
  const p: number[] = new Array<number>(INTENTS.length).fill(0);
  const from: Vec[] = new Array<Vec>(INTENTS.length).fill(whole);
  for (const v of all) {
    const q = probabilities(m.intent, v);
    for (let j = 0; j < p.length; j++) {
      if (q[j]! > p[j]!) {
        p[j] = q[j]!;
        from[j] = v;
      }
    }
  }
  return { p, from };
}

/** The model's probability of each intent for a turn (as analyze() reads it), for measuring thresholds. */
export function intentProbabilities(text: string): Record<Intent, number> {
  const m = currentModel();
  const { vecs, whole } = turnVector(m, text);
  const { p } = strongestIntents(m, vecs.length > 1 ? [whole, ...vecs] : [whole], whole);
  return Object.fromEntries(INTENTS.map((i, j) => [i, p[j]!])) as Record<Intent, number>;
}
