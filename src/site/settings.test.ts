import { describe, expect, it } from 'vitest';
import { SiteSettingsSchema, telegramUsername } from './settings.js';

describe('telegramUsername', () => {
  it.each([['@xabar_news'], ['xabar_news'], ['t.me/xabar_news'], ['https://t.me/xabar_news'], ['http://www.t.me/xabar_news/'], ['https://telegram.me/@xabar_news'], [' T.ME/xabar_news ']])('reduces «%s» to the username', (typed) => {
    expect(telegramUsername(typed)).toBe('xabar_news');
  });
  it.each([['https://example.com/xabar'], ['@ab'], ['1abcde'], ['имя_канала'], ['t.me/+AbCdEf123'], ['t.me/xabar_news/12'], ['xabar news'], ['a'.repeat(33)]])('the settings schema refuses «%s»', (typed) => {
    expect(SiteSettingsSchema.shape.telegramChannel.safeParse({ ru: typed }).success).toBe(false);
  });
  it('keeps an empty value (no channel)', () => {
    expect(SiteSettingsSchema.shape.telegramChannel.parse({ ru: '' })).toEqual({ ru: '' });
  });
});
