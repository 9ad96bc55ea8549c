export { suggestMapping } from './suggest.ts';
export type { SuggestOptions, Suggestion, Target } from './types.ts';
