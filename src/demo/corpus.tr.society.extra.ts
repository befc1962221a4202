import type { StoryTemplate } from './corpus.gen.js';
import type { Mirror } from './corpus.tr.gen.js';

export const SOCIETY_EXTRA_MIRRORS: [StoryTemplate, Mirror][] = [];
