import { currentModel, probabilities, vectorOf } from './model.js';
import { clean, normalizeTokens } from './normalize.js';
import { LETTER_LABELS, type LetterLabel } from './types.js';

/** The letter elements one sentence of a message carries (introduction, connection, thanks…), from the model. */
export function letterLabels(sentence: string): LetterLabel[] {
  const m = currentModel();
  const p = letterProbabilities(sentence);
  return LETTER_LABELS.filter((_, j) => p[j]! >= m.letter.thresholds[j]!);
}

/** The model's probability of each letter element for one sentence (LETTER_LABELS order), for measuring thresholds. */
export function letterProbabilities(sentence: string): Float64Array {
  const m = currentModel();
  const text = clean(sentence);
  return probabilities(m.letter, vectorOf(m, normalizeTokens(text), /\?\s*$/.test(text)));
}
