import type { StoryTemplate } from './corpus.gen.js';
import type { Mirror } from './corpus.tr.gen.js';

export const POLITICS_MIRRORS: [StoryTemplate, Mirror][] = [];
