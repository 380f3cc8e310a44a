import { opensAsQuestion, sentenceForm, stronger, type FormVerdict } from './form.js';
import { sentenceIntents } from './intents.js';
import { clean, normalizeTokens, splitSentences } from './normalize.js';
import { openRewrite } from './suggest.js';
import { INTENTS, type Analysis, type Intent, type SentenceAnalysis } from './types.js';

/** Most sentences of one turn that are read. */
const MAX_SENTENCES = 40;

/**
 * Analyse one user turn: its form (open / closed / statement), its intents, each sentence's own
 * form, the cues that decided, and an open rewrite for a closed question.
 *
 * Pure, synchronous and deterministic; never throws. Text past MAX_ANALYSED_CHARS (or past
 * MAX_SENTENCES sentences) is not read, but `text` in the result is the input unchanged.
 */
export function analyze(text: string): Analysis {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const sentences: SentenceAnalysis[] = [];
  const found = new Map<Intent, string>();
  let best: FormVerdict = { form: 'statement', why: 'no question or prompt' };

  // Input cap: a turn is read up to MAX_SENTENCES sentences (2,000 characters of "Ok? Ok? …" would
  // otherwise be hundreds of them, and scoring re-analyses every turn).
  for (const raw of splitSentences(clean(input)).slice(0, MAX_SENTENCES)) {
    const tokens = normalizeTokens(raw.text);
    if (tokens.length === 0 && !raw.question) continue;
    const verdict = sentenceForm(tokens, raw.question);
    sentences.push({ text: raw.text, form: verdict.form, why: verdict.why });
    best = stronger(best, verdict);
    const joined = tokens.join(' ');
    for (const hit of sentenceIntents(joined, verdict.form !== 'statement', opensAsQuestion(tokens))) {
      if (!found.has(hit.intent)) found.set(hit.intent, hit.cue);
    }
  }

  const intents = INTENTS.filter((i) => found.has(i));
  const why = [`${best.form}: ${best.why}`, ...intents.map((i) => `${i}: "${found.get(i)}"`)].join('; ');
  const result: Analysis = { text: input, form: best.form, intents, sentences, why };
  if (best.form === 'closed' && best.clause) {
    const suggestion = openRewrite(best.clause.join(' '));
    if (suggestion) result.suggestion = suggestion;
  }
  return result;
}
