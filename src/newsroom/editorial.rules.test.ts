import { describe, expect, it } from 'vitest';
import { changedStoryFields, isAutoSlug, storyFieldsMessage } from './editorial.rules.js';

describe('editorial rules', () => {
  it('recognises automatic slugs, including headlines that end in a number', () => {
    expect(isAutoSlug('story-12', '', 'ru')).toBe(true);
    expect(isAutoSlug('pervyi-chernovik-0', 'Первый черновик 0', 'ru')).toBe(true);
    expect(isAutoSlug('pervyi-chernovik-0-2', 'Первый черновик 0', 'ru')).toBe(true);
    expect(isAutoSlug('pervyi-chernovik', 'Первый черновик 0', 'ru')).toBe(false);
    expect(isAutoSlug('my-own-address', 'Первый черновик', 'ru')).toBe(false);
  });

  it('names the story-level fields a save changes', () => {
    const before = { sectionId: 1, heroMediaId: null, tagIds: [1, 2], authorIds: [] };
    expect(changedStoryFields(before, { ...before })).toEqual([]);
    expect(changedStoryFields(before, { ...before, tagIds: [2, 1], authorIds: [3] })).toEqual(['tagIds', 'authorIds']);
    expect(storyFieldsMessage(['sectionId', 'tagIds', 'authorIds'], 'contributor').message).toMatch(/^The section, tags and authors belong to every language/);
  });
});
