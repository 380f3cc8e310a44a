import { normalizeTokens } from './normalize.js';
import type { Analysis } from './types.js';
import { stem } from './words.js';
import { analyze, NO_TOPIC } from './analyze.js';
import { hasFeature, mentions } from './features.js';
import { currentModel } from './model.js';

/**
 * What a scenario can answer, as the language layer needs it (the engine builds this from a
 * scenario; nlu knows nothing about scenarios): topics with the canonical topic each answers and
 * their own example questions, and the public-profile facts with theirs.
 */
export interface TopicTable {
  topics: ReadonlyArray<{ id: string; canonical: string | null; examples: readonly string[] }>;
  /** Public-profile facts: questions that ask for them, and the fact as written (briefing and first person). */
  profile: ReadonlyArray<{ examples: readonly string[]; facts?: readonly string[] }>;
}

/** How sure a match is: `sure` answers and uses up the topic; `plausible` gets a hedged answer; `unsure` a clarifying question. */
export type Confidence = 'sure' | 'plausible' | 'unsure';

/** What a question is about, in the scenario's terms. */
export interface Match {
  /**
   * topic: a scenario topic; profile: a fact on the public profile; elsewhere: a canonical topic
   * the scenario has no answer for.
   */
  kind: 'topic' | 'profile' | 'elsewhere';
  /** Scenario topic id, profile fact index, or (elsewhere) the canonical topic id. */
  id: string;
  /** The canonical topic behind it, when there is one. */
  canonical?: string;
  /** 0–1. */
  score: number;
  confidence: Confidence;
  /** The runner-up scenario topic, for "Do you mean A, or B?". */
  alternative?: string;
  /** A follow-up on the answer just given. */
  followUp?: boolean;
  /**
   * A topic asked about before, from a new angle: the question names at least two things none of
   * the earlier questions on it did ("would it be weird to apply to your summer program?" after
   * "what do you wish you had known?"). Not a repeat.
   */
  newAngle?: boolean;
}

/** Thresholds of the matcher (data/nlu/training.yml, carried in the model file). */
export interface MatchSettings {
  /** At or above: answered and the topic counts as covered. */
  sure: number;
  /** At or above (and below sure): a hedged answer that uses nothing up. */
  plausible: number;
  /** Example similarity a profile fact needs to count as "that's on my profile". */
  profile: number;
  /** The topic head's "none" at or above this (no intent): small talk, answered as such. */
  small_talk: number;
}

/** The installed model's matching thresholds. */
export const matchSettings = (): MatchSettings => currentModel().file.matching;

// Words every question shares: they say nothing about what it asks.
const GENERIC = new Set(
  'what how why when where who which whom whose do does did is are was were be been being am can could would will should may might must shall you your yours i me my we our us it its that this there their they them he she his her a an the of to in on for at by with about as and or so if just really actually like kind sort lot much many tell know think say said ask please else thing things stuff get got someone something anyone anything one any some not no yes all more most very also too then than into from up out over have has had having wait though btw ok okay oh yeah haha lol um uh gotcha sorry mean mention mentioned'.split(' '),
);

const stemCache = new Map<string, string[]>();
/** Content stems of a text, for comparing a question with example questions. */
export function contentStems(text: string): string[] {
  // The contact's answers and recent questions are read again on the next turn: keep the last few hundred.
  let stems = stemCache.get(text);
  if (stems === undefined) {
    if (stemCache.size >= 512) stemCache.clear();
    stemCache.set(text, (stems = Object.freeze(stemsOf(text)) as string[]));
  }
  return stems;
}

function stemsOf(text: string): string[] {
  return contentTokens(normalizeTokens(text).flatMap((t) => (t.includes('-') ? t.split('-') : [t]))).map((t) => stem(t));
}

/** The words of a text that say what it asks: no commas, numbers, generic words or runs of letters. */
function contentTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => t !== ',' && !GENERIC.has(t) && !/^\d+$/.test(t) && t.length < 40);
}

interface Doc {
  kind: 'topic' | 'profile';
  id: string;
  weights: Map<string, number>;
  norm: number;
}

/** A scenario's table, indexed for matching (built once per scenario). */
export interface TopicIndex {
  table: TopicTable;
  byCanonical: Map<string, string>;
  docs: Doc[];
  idf: Map<string, number>;
  /** For each stem, the docs holding it and its weight there (so a question only visits docs it shares a stem with). */
  postings: Map<string, Array<[number, number]>>;
  unknownWeight: number;
  /** Each profile fact's content stems, as written. */
  facts: Array<Set<string>>;
}

/** Index a scenario's topics and profile facts. */
export function buildTopicIndex(table: TopicTable): TopicIndex {
  const byCanonical = new Map<string, string>();
  for (const t of table.topics) if (t.canonical && !byCanonical.has(t.canonical)) byCanonical.set(t.canonical, t.id);
  const raw: Array<{ kind: 'topic' | 'profile'; id: string; stems: string[] }> = [];
  for (const t of table.topics) for (const ex of t.examples) raw.push({ kind: 'topic', id: t.id, stems: contentStems(ex) });
  table.profile.forEach((p, i) => p.examples.forEach((ex) => raw.push({ kind: 'profile', id: String(i), stems: contentStems(ex) })));
  const df = new Map<string, number>();
  for (const d of raw) for (const s of new Set(d.stems)) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [s, n] of df) idf.set(s, Math.log(1 + raw.length / n));
  const docs = raw.map((d) => {
    const weights = new Map<string, number>();
    for (const s of new Set(d.stems)) weights.set(s, idf.get(s)!);
    return { kind: d.kind, id: d.id, weights, norm: Math.hypot(...weights.values()) || 1 };
  });
  const all = [...idf.values()];
  const facts = table.profile.map((p) => new Set((p.facts ?? []).flatMap((f) => contentStems(f))));
  const postings = new Map<string, Array<[number, number]>>();
  docs.forEach((d, i) => {
    for (const [stem, w] of d.weights) {
      let list = postings.get(stem);
      if (!list) postings.set(stem, (list = []));
      list.push([i, w]);
    }
  });
  return { table, byCanonical, docs, idf, postings, unknownWeight: all.reduce((a, b) => a + b, 0) / (all.length || 1), facts };
}

/**
 * Whether the language layer knows a word: it has a word vector, the model learned it as a word
 * feature, or the scenario's own example questions use it ("figma", "hvac").
 */
function knownWord(index: TopicIndex, w: string): boolean {
  const m = currentModel();
  return m.embeddings?.rows.has(w) || index.idf.has(stem(w)) || hasFeature(m.vocab, `w:${w}`);
}

/** Similarity (0–1) of a question to each topic's and profile fact's own examples: best per id. */
function exampleSimilarity(index: TopicIndex, text: string): Map<string, number> {
  const out = new Map<string, number>();
  const stems = new Set(contentStems(text));
  if (stems.size === 0) return out;
  const q = new Map<string, number>();
  for (const s of stems) q.set(s, index.idf.get(s) ?? index.unknownWeight);
  const qNorm = Math.hypot(...q.values());
  let qMass = 0;
  for (const w of q.values()) qMass += w;
  // Only docs sharing a stem with the question can score above zero.
  const dot = new Map<number, number>();
  const covered = new Map<number, number>();
  for (const [s, w] of q) {
    for (const [i, dw] of index.postings.get(s) ?? []) {
      dot.set(i, (dot.get(i) ?? 0) + w * dw);
      covered.set(i, (covered.get(i) ?? 0) + w);
    }
  }
  for (const [i, dt] of dot) {
    const d = index.docs[i]!;
    const score = 0.5 * (covered.get(i)! / qMass) + 0.5 * (dt / (qNorm * d.norm));
    const key = `${d.kind}:${d.id}`;
    if (score > (out.get(key) ?? 0)) out.set(key, score);
  }
  return out;
}

/**
 * Match an analysed question to the scenario: each topic scores the model's probability for its
 * canonical topic or, for a scenario-specific topic, the similarity to its own examples (the
 * higher of the two when it has both). A profile fact wins only for a closed question that is
 * close to one of its examples. A canonical topic the scenario cannot answer comes back as
 * `elsewhere`. Null when the turn asks about nothing the model knows.
 */
export function matchTopic(index: TopicIndex, analysis: Analysis, settings: MatchSettings = matchSettings()): Match | null {
  if (analysis.form === 'statement') return null;
  const question = mainQuestion(analysis);
  // A question none of whose words the model has ever seen ("wibble frotz quux?") is about nothing
  // it knows, however its letters happen to lean: no topic, rather than a hedged guess.
  const asked = contentTokens(normalizeTokens(question));
  if (asked.length > 0 && !asked.some((w) => knownWord(index, w))) return null;
  const sim = exampleSimilarity(index, question);
  const p = new Map(analysis.topics.map((t) => [t.id, t.p]));
  // A model sure of its topic is not overruled by shared words ("do you like working at a startup"
  // shares every content word with "what do you dislike about working at a startup?").
  const modelSure = (analysis.topics[0]?.p ?? 0) >= settings.sure && analysis.topics[0]?.id !== NO_TOPIC;
  const scored = index.table.topics
    .map((t) => {
      const fromModel = t.canonical ? (p.get(t.canonical) ?? 0) : 0;
      // Own examples count fully for scenario-specific topics, and help canonical ones a little.
      const own = sim.get(`topic:${t.id}`) ?? 0;
      const score = t.canonical ? Math.max(fromModel, own >= 0.8 && !modelSure ? own : 0) : own * 0.9;
      return { id: t.id, canonical: t.canonical ?? undefined, score };
    })
    .sort((a, b) => b.score - a.score);

  if (analysis.form === 'closed') {
    let bestProfile: [string, number] | undefined;
    for (const [k, v] of sim) if (k.startsWith('profile:') && v > (bestProfile?.[1] ?? 0)) bestProfile = [k.slice(8), v];
    // "That's on my profile" costs the visitor points: the fact must clearly be what was asked.
    const topScore = scored[0]?.score ?? 0;
    if (bestProfile && bestProfile[1] >= settings.profile && (bestProfile[1] >= 0.95 || bestProfile[1] >= topScore + 0.25)) {
      return { kind: 'profile', id: bestProfile[0], score: round(bestProfile[1]), confidence: 'sure' };
    }
    const fact = factAsked(index, asked);
    if (fact !== undefined) return { kind: 'profile', id: String(fact), score: 1, confidence: 'sure' };
  }

  const top = scored[0];
  const modelTop = analysis.topics[0];
  // The model is sure of a canonical topic this scenario has no answer for.
  // A fair question on a canonical topic this scenario has no answer for: "not my area", never "unclear".
  // (A question with no content word — "Do you?", "what?" — asks about nothing.)
  if (modelTop && modelTop.id !== NO_TOPIC && !index.byCanonical.has(modelTop.id) && modelTop.p >= settings.plausible && (top?.score ?? 0) < Math.min(modelTop.p, settings.sure) && contentStems(question).length > 0) {
    return { kind: 'elsewhere', id: modelTop.id, canonical: modelTop.id, score: round(modelTop.p), confidence: modelTop.p >= settings.sure ? 'sure' : 'plausible' };
  }
  if (!top || top.score < settings.plausible) return null;
  const confidence: Confidence = top.score >= settings.sure ? 'sure' : 'plausible';
  const second = scored[1];
  return {
    kind: 'topic',
    id: top.id,
    ...(top.canonical ? { canonical: top.canonical } : {}),
    score: round(top.score),
    confidence: confidence === 'plausible' && second && second.score >= settings.plausible && top.score - second.score < 0.1 ? 'unsure' : confidence,
    ...(second && second.score >= settings.plausible ? { alternative: second.id } : {}),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Words more frequent than this rank (in the word vectors' frequency order) are too common to identify a fact. */
const COMMON_RANK = 1500;

/**
 * The profile fact a yes/no question checks, when every word it names is in that fact and one of
 * them is specific ("do you have the CFA?", "were you a teacher before this?"); else undefined.
 * `tokens` are the question's content words (contentTokens).
 */
function factAsked(index: TopicIndex, tokens: readonly string[]): number | undefined {
  if (tokens.length === 0 || tokens.length > 4) return undefined;
  const rows = currentModel().embeddings?.rows;
  const specific = tokens.some((t) => t.length > 2 && (rows?.get(t) ?? Infinity) > COMMON_RANK);
  if (!specific) return undefined;
  const stems = tokens.map((t) => stem(t));
  const hits = index.facts.flatMap((f, i) => (stems.every((s) => f.has(s)) ? [i] : []));
  return hits.length === 1 ? hits[0] : undefined;
}

/** The sentence that decides the form (the main question), or the whole text. */
function mainQuestion(a: Analysis): string {
  const order = { open: 2, closed: 1, statement: 0 } as const;
  let best: Analysis['sentences'][number] | undefined;
  for (const s of a.sentences) if (s.form !== 'statement' && (!best || order[s.form] > order[best.form])) best = s;
  return best?.text ?? a.text;
}

/** What the contact said last, for reading a follow-up ("what do you mean by on-call?"). */
export interface Previous {
  /** The scenario topic just answered. */
  topic: string;
  /** What the contact said about it. */
  answer: string;
  /** What the student asked to get that answer. */
  question?: string;
}

/** A user turn understood: its analysis and what it asks about. */
export interface Understanding {
  analysis: Analysis;
  match: Match | null;
}

/**
 * Read one user turn against a scenario: analyse it once, match its question to a topic, and
 * recognise a follow-up on the answer just given — a question that points back at it ("how did
 * that go?", "what do you mean by on-call?") or names something only that answer said — which
 * stays on that topic instead of starting a new one.
 */
export function understand(index: TopicIndex, text: string, previous?: Previous, settings: MatchSettings = matchSettings(), earlier?: ReadonlyMap<string, readonly string[]>): Understanding {
  const analysis = analyze(text);
  let match = matchTopic(index, analysis, settings);
  if (previous && analysis.form !== 'statement' && match?.kind !== 'profile' && isFollowUp(index, text, analysis, match, previous)) {
    const canonical = index.table.topics.find((t) => t.id === previous.topic)?.canonical ?? undefined;
    match = { kind: 'topic', id: previous.topic, ...(canonical ? { canonical } : {}), score: match?.id === previous.topic ? match.score : 0.5, confidence: 'sure', followUp: true };
  } else if (match?.kind === 'topic' && earlier?.has(match.id) && asksSomethingNew(text, earlier.get(match.id)!)) {
    match = { ...match, newAngle: true };
  }
  return { analysis, match };
}

/** How many content words a question must add to those of the earlier questions on its topic to be a new question, not a repeat. */
const NEW_ANGLE_WORDS = 2;
/** Whether a question names at least NEW_ANGLE_WORDS things none of `earlier` did (content stems longer than three letters). */
function asksSomethingNew(text: string, earlier: readonly string[]): boolean {
  const before = new Set(earlier.flatMap((q) => contentStems(q)));
  let fresh = 0;
  for (const s of new Set(contentStems(text))) if (s.length > 3 && !before.has(s) && ++fresh >= NEW_ANGLE_WORDS) return true;
  return false;
}

/** Whether a turn asks leave to ask ("is it ok if I ask you a few questions?", lexicon `ask_permission`). */
export function asksLeaveToAsk(text: string): boolean {
  return mentions(normalizeTokens(text), currentModel().lookups, 'ask_permission');
}

/** Example questions a word may appear in and still show what a follow-up builds on. */
const SHARED_DOCS = 2;

/**
 * A question builds on the answer just given when it points back at it ("how did that go?",
 * "what do you mean by fairer scheduling?"), when it asks about the topic just answered right after
 * the answer ("what made you say yes when your manager pushed you?" — but the same question again
 * is a repeat), or, when the match is unsure, when what it names came from that answer ("how did
 * you manage the social work classes on top of the part-time job?").
 */
function isFollowUp(index: TopicIndex, text: string, analysis: Analysis, match: Match | null, previous: Previous): boolean {
  const cue = mentions(normalizeTokens(text), currentModel().lookups, 'follow_up_cue');
  const asked = [...new Set(contentStems(text).filter((s) => s.length > 3))];
  const answerStems = new Set(contentStems(previous.answer));
  // A word shared with the answer says the question builds on it only when it is not a word the
  // scenario's questions use all over ("work" in "what was the hardest crisis work?"): at most
  // SHARED_DOCS of its example questions hold it.
  const common = Math.log(1 + index.docs.length / SHARED_DOCS);
  const overlap = asked.filter((s) => answerStems.has(s) && (index.idf.get(s) ?? Infinity) >= common).length;
  const unsure = !match || match.confidence !== 'sure' || match.kind === 'elsewhere';
  // The same question again is a repeat, not a follow-up.
  const before = new Set(contentStems(previous.question ?? ''));
  if (asked.length > 0 && asked.every((s) => before.has(s))) return false;
  if (cue && (asked.length <= 2 || overlap >= 1)) return true;
  // Asking about the topic just answered, right after the answer, asks for more of it, not a repeat.
  if (match?.id === previous.topic) return true;
  if (unsure && overlap >= 1 && asked.length <= 4) return true;
  return unsure && overlap >= 2 && overlap * 2 >= asked.length && analysis.form !== 'closed';
}
