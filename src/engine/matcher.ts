import { words as STOPWORDS } from 'natural/lib/natural/util/stopwords.js';
import { normalizeTokens, stem } from '../nlu/index.js';
import type { Scenario } from '../scenario/schema.js';

/** What a question is about: one of the scenario's topics, or a fact on the public profile. */
export interface Match {
  kind: 'topic' | 'profile';
  /** Topic id, or the profile fact's index as a string. */
  id: string;
  score: number;
}

/** Longest stretch of a question read for matching (as the analyzer, MAX_ANALYSED_CHARS). */
const MAX_QUESTION_CHARS = 2000;

/** Below this similarity a question matches nothing ("unclear"). */
export const MATCH_THRESHOLD = 0.4;
/** How much better a profile fact must match than the best topic to count as a profile question. */
export const PROFILE_MARGIN = 0.15;

// Words every question shares; they say nothing about the topic.
const GENERIC = new Set([
  ...STOPWORDS,
  ...'what how why when where who which whom whose do does did is are was were be been can could would will should may might you your yours i me my we our us it its that this there their they them he she his her a an the of to in on for at by with about as and or so if just really actually like kind sort lot much many tell know think say said ask please else thing things stuff get got getting someone something somebody anyone anything one ones one two three four five six seven eight nine ten twenty year years job jobs work working works role roles career careers field fields industry industries company companies position positions other make makes made'.split(' '),
]);

// Words that mean the same thing in career talk map to one concept, so "Is it stressful?" finds the
// topic whose examples say "hardest part". Written as plain words; stemmed at start-up.
/** Career-talk synonyms, by concept (exported for the test that no stem belongs to two concepts). */
export const CONCEPTS: Record<string, string> = {
  challenge: 'challenge challenges challenging hard hardest difficult difficulty difficulties tough toughest stress stressful struggle struggles obstacle obstacles pressure problem problems night thorny thorniest headache headaches bottleneck',
  enjoy: 'enjoy enjoyable love favorite favourite rewarding satisfying satisfaction fun fulfilling fulfillment proud motivates motivated excites exciting energizes meaningful passion passionate',
  dislike: 'dislike frustrate frustrates frustrating frustration annoy annoying annoys downside downsides worst hate least drawback drawbacks cons tedious boring chores',
  hire: 'hire hires hired hiring recruit recruiter recruiters recruiting interview interviews applicant applicants candidate candidates apply application employers newcomers noticed',
  training: 'study studied degree degrees school college university major graduate graduated education training trained course courses certification certificate certificates credential credentials qualification qualifications qualified license licence bootcamp',
  path: 'path journey started start began begin end ended switch switched transition choose chose chosen decide decided pick picked interested drew drawn led lead become became route road',
  day: 'day days daily week weekly routine schedule typical ordinary normal average workday workweek spend monday tuesday wednesday thursday friday morning mornings afternoon',
  trend: 'trend trends future changing change changes evolve evolving ai automation heading direction technology decade shift shifts developments outlook upcoming emerging',
  advice: 'advice advise tip tips suggestion suggestions wish shoes',
  culture: 'culture environment atmosphere vibe values morale dynamics treat collaborate collaboration',
  resource: 'resource resources book books podcast podcasts blog blogs newsletter newsletters read reading website websites association associations groups',
  compete: 'competitor competitors compete competes competition rival rivals',
  skill: 'skill skills ability abilities quality qualities trait traits strength strengths successful success succeed thrive excel effective separates separate capabilities capability aptitude talents',
  background: 'background gap gaps transferable transfer experience fit fits',
  related: 'related adjacent alternative alternatives neighbouring neighboring parallel',
  balance: 'balance hours burnout lifestyle flexible flexibility',
  money: 'salary salaries pay paid compensation money earn',
};

let conceptOf: Map<string, string> | undefined;
function concept(s: string): string {
  if (!conceptOf) {
    conceptOf = new Map();
    for (const [name, list] of Object.entries(CONCEPTS)) for (const w of list.split(' ')) conceptOf.set(stem(w), `#${name}`);
  }
  return conceptOf.get(s) ?? s;
}

interface Doc {
  match: Omit<Match, 'score'>;
  weights: Map<string, number>;
  norm: number;
}

/** An index of a scenario's topic and profile examples for matching questions (IDF-weighted cosine over stems). */
export interface TopicIndex {
  docs: Doc[];
  idf: Map<string, number>;
  /** Weight given to a word no example uses: the mean IDF. */
  unknownWeight: number;
}

/** Content stems of a text: normalised, stop words dropped, Porter-stemmed. */
export function contentStems(text: string): string[] {
  const tokens = normalizeTokens(text);
  // "like most/best/about" and "do you like" are enjoying; "like least" is the opposite (and "like"
  // alone is filler).
  // Phrases whose meaning no single word carries.
  const joined = tokens.join(' ');
  if (/\b(if you were me|in my (shoes|position|place)|would you do (next|now|differently)|what would you do)\b/.test(joined)) tokens.push('advice');
  if (/\b(keeps? you up|up at night)\b/.test(joined)) tokens.push('challenge');
  if (/\bfits? in\b|\bkind of (person|people)\b/.test(joined)) tokens.push('culture');
  // "similar careers" (other paths) is not "similar work" (competitors); "my background" points at fit.
  if (/\b(similar|related|other|adjacent|alternative|different) (careers?|roles?|jobs?|paths?|fields?|professions?|occupations?|options)\b/.test(joined)) tokens.push('#careers');
  if (/\b(my|someone with my|people with my) (background|experience|skills|profile|situation|degree)\b|\bsomeone like me\b|\bpeople like me\b/.test(joined)) tokens.push('#mine');
  if (/\b(do|done) (things )?differently\b/.test(joined)) tokens.push('advice');
  if (/\b(go|went|get|got|getting|end|ended) (up )?(into|in) (this|the|your|that)\b|\bget started\b|\bgot started\b/.test(joined)) tokens.push('path');
  if (/\bin (\w+ )?years\b|\bnext (decade|few years)\b|\b(field|industry|profession|sector|work|market|area)\b.*\b(going|heading|headed)\b/.test(joined)) tokens.push('trend');
  if (/\b(best part|like best|enjoy best|love best)\b/.test(joined)) tokens.push('enjoy');
  if (/\b(tell|advise|recommend to|say to) (someone|somebody|a person|people|me) (who is )?(just |new |only )?(starting|new|beginning)\b|\bshould i (be )?(do|doing|focus|start)\b|\bto prepare\b|\bprepare (for|now)\b/.test(joined)) tokens.push('advice');
  if (/\b(people|colleagues|coworkers|co-workers|team) (are )?like\b|\bwhat are the people\b/.test(joined)) tokens.push('culture');
  if (/\bchange about\b/.test(joined)) tokens.push('dislike');
  if (/\b(give away|rather not|could do without)\b/.test(joined)) tokens.push('dislike');
  if (/\b(make it|cut out for|right for me|get along)\b/.test(joined)) tokens.push(/get along/.test(joined) ? 'culture' : 'fit');
  tokens.forEach((t, i) => {
    if ((t === 'fit' || t === 'fits') && tokens[i + 1] === 'in') tokens[i] = 'culture';
    if (t !== 'like') return;
    const afterLike = ['most', 'best', 'about'].includes(tokens[i + 1] ?? '');
    const doYouLike = ['do', 'does', 'did'].includes(tokens[i - 2] ?? '') && ['you', 'they', 'people', 'most'].includes(tokens[i - 1] ?? '');
    if (afterLike || doYouLike) tokens[i] = 'enjoy';
  });
  return tokens
    .filter((t) => t !== ',' && !GENERIC.has(t) && !/^\d+$/.test(t))
    .map((t) => (t.startsWith('#') ? t : concept(stem(t))));
}

/** Build the matching index for a scenario. */
export function buildIndex(scenario: Scenario): TopicIndex {
  const raw: Array<{ match: Omit<Match, 'score'>; stems: string[] }> = [];
  for (const t of scenario.topics) for (const ex of t.examples) raw.push({ match: { kind: 'topic', id: t.id }, stems: contentStems(ex) });
  scenario.persona.profile.forEach((p, i) => {
    for (const ex of p.examples) raw.push({ match: { kind: 'profile', id: String(i) }, stems: contentStems(ex) });
  });
  const df = new Map<string, number>();
  for (const d of raw) for (const s of new Set(d.stems)) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [s, n] of df) idf.set(s, Math.log(1 + raw.length / n));
  // A concept stands for many words, so it is frequent, but it is the heart of a question's meaning:
  // weigh it like the rarest word rather than by its frequency.
  const top = Math.max(0, ...idf.values());
  for (const s of idf.keys()) if (s.startsWith('#')) idf.set(s, top * 1.5);
  const docs = raw.map((d) => {
    const weights = new Map<string, number>();
    for (const s of new Set(d.stems)) weights.set(s, idf.get(s)!);
    return { match: d.match, weights, norm: Math.hypot(...weights.values()) || 1 };
  });
  const all = [...idf.values()];
  return { docs, idf, unknownWeight: all.reduce((a, b) => a + b, 0) / (all.length || 1) };
}

/**
 * The topic or profile fact a question is about, or null when nothing is close enough. The score
 * mixes how much of the question an example covers with their cosine similarity, so a short
 * example sharing one common word does not beat a longer one sharing two. Profile facts are only
 * candidates when `allowProfile` (closed questions ask for facts; open ones ask for stories).
 */
export function matchQuestion(index: TopicIndex, text: string, allowProfile = true): Match | null {
  // Read no more of a turn than the analyzer does: stemming is costly on huge lines.
  const stems = new Set(contentStems(text.length > MAX_QUESTION_CHARS ? text.slice(0, MAX_QUESTION_CHARS) : text));
  if (stems.size === 0) return null;
  const q = new Map<string, number>();
  // Unknown words still count against similarity (they are what the question is really about).
  for (const s of stems) q.set(s, index.idf.get(s) ?? index.unknownWeight);
  const qNorm = Math.hypot(...q.values());
  let best: Match | null = null;
  let qMass = 0;
  for (const w of q.values()) qMass += w;
  let bestTopic: Match | null = null;
  for (const d of index.docs) {
    if (d.match.kind === 'profile' && !allowProfile) continue;
    let dot = 0;
    let covered = 0;
    for (const [s, w] of q) {
      const dw = d.weights.get(s);
      if (dw !== undefined) {
        dot += w * dw;
        covered += w;
      }
    }
    const score = 0.6 * (covered / qMass) + 0.4 * (dot / (qNorm * d.norm));
    if (score > (best?.score ?? 0)) best = { ...d.match, score };
    if (d.match.kind === 'topic' && score > (bestTopic?.score ?? 0)) bestTopic = { ...d.match, score };
  }
  // "That's on my profile" costs the visitor points, so a profile fact must clearly beat every topic.
  // (A near-exact match of a profile example still counts.)
  if (best?.kind === 'profile' && best.score < 0.9 && bestTopic && bestTopic.score >= MATCH_THRESHOLD && best.score < bestTopic.score + PROFILE_MARGIN) best = bestTopic;
  return best && best.score >= MATCH_THRESHOLD ? best : null;
}
