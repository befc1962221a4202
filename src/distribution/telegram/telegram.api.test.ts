/** What a Bot API failure means for a post: retry, wait, give up, or "uncertain". */
import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { classify, isCannotDelete, isNotModified, postLink } from './telegram.api.js';

const tg = (error_code: number, description: string, retry_after?: number) =>
  new GrammyError(`Call failed (${error_code}: ${description})`, { ok: false, error_code, description, ...(retry_after ? { parameters: { retry_after } } : {}) }, 'sendPhoto', {});
const net = (code: string | undefined, message: string) => new HttpError("Network request for 'sendPhoto' failed!", Object.assign(new Error(message), code ? { code } : {}));

describe('Bot API failures', () => {
  it('waits retry_after on 429 and retries 5xx', () => {
    expect(classify(tg(429, 'Too Many Requests: retry after 7', 7))).toEqual({ kind: 'rate_limited', retryAfterMs: 7000, description: 'Too Many Requests: retry after 7' });
    expect(classify(tg(502, 'Bad Gateway')).kind).toBe('retryable');
  });

  it('gives up on 400, 401 and 403 with Telegram\'s own description', () => {
    expect(classify(tg(403, 'Forbidden: bot was kicked from the channel chat'))).toEqual({ kind: 'permanent', code: 403, description: 'Forbidden: bot was kicked from the channel chat' });
    expect(classify(tg(400, "Bad Request: can't parse entities")).kind).toBe('permanent');
    expect(classify(tg(401, 'Unauthorized')).kind).toBe('permanent');
  });

  it('retries when the connection was never made, and calls a broken or timed-out call ambiguous', () => {
    expect(classify(net('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1')).kind).toBe('retryable');
    expect(classify(net('ENOTFOUND', 'getaddrinfo ENOTFOUND api.telegram.org')).kind).toBe('retryable');
    expect(classify(net('ECONNRESET', 'socket hang up')).kind).toBe('ambiguous');
    expect(classify(net(undefined, "Request to 'sendPhoto' timed out after 20 seconds")).kind).toBe('ambiguous');
  });

  it('never lets the bot token out in a description', () => {
    const f = classify(net('ECONNREFUSED', 'request to http://127.0.0.1:1/bot7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendPhoto failed, reason: connect ECONNREFUSED'));
    expect(f.description).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    expect(f.description).toContain('bot<token>/sendPhoto');
  });

  it('recognises "not modified" and "can\'t be deleted"', () => {
    expect(isNotModified(tg(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same'))).toBe(true);
    expect(isNotModified(tg(400, 'Bad Request: message to edit not found'))).toBe(false);
    expect(isCannotDelete(tg(400, "Bad Request: message can't be deleted"))).toBe(true);
  });

  it('links public and private channel posts', () => {
    expect(postLink('@xabar_news', 12)).toBe('https://t.me/xabar_news/12');
    expect(postLink('-1001234567890', 12)).toBe('https://t.me/c/1234567890/12');
    expect(postLink('@xabar_news', null)).toBeNull();
  });
});
