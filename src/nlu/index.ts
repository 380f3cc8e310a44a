export { analyze } from './analyze.js';
export { openRewrite } from './suggest.js';
export { stem } from './words.js';
export { tokenize, normalizeTokens } from './normalize.js';
export * from './types.js';
