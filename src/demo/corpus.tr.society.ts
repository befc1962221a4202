import type { StoryTemplate } from './corpus.gen.js';
import type { Mirror } from './corpus.tr.gen.js';

export const SOCIETY_MIRRORS: [StoryTemplate, Mirror][] = [];
