export { analyze, NO_TOPIC } from './analyze.js';
export { openRewrite } from './suggest.js';
export { stem } from './words.js';
export { clean, splitSentences, normalizeTokens } from './normalize.js';
export { asksLeaveToAsk, buildTopicIndex, contentStems, matchTopic, understand, matchSettings, type Match, type MatchSettings, type Previous, type TopicIndex, type TopicTable, type Understanding, type Confidence } from './match.js';
export { letterLabels } from './letter-labels.js';
export { ModelError, modelFile } from './knowledge.js';
export { currentModel, unitsOf } from './model.js';
export * from './types.js';
