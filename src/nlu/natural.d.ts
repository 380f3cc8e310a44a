// Types for the few `natural` submodules we import directly. The package root pulls in database
// drivers and dotenv (which prints to stdout), so only these deep paths are ever imported.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  export class RegexpTokenizer {
    constructor(options: { pattern: RegExp; gaps?: boolean });
    tokenize(text: string): string[] | null;
  }
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function LevenshteinDistance(a: string, b: string): number;
  export function DamerauLevenshteinDistance(
    a: string,
    b: string,
    options?: { restricted?: boolean; insertion_cost?: number; deletion_cost?: number; substitution_cost?: number; transposition_cost?: number },
  ): number;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
