/**
 * A story as a Telegram post: bold headline, the lead, a link to the story, in the Bot API's HTML
 * parse mode (https://core.telegram.org/bots/api#html-style). Only `<b>` and `<a href>` are used,
 * and every piece of text is escaped (`<`, `>`, `&`, `"`), so Telegram never refuses to parse it.
 *
 * Limits (https://core.telegram.org/bots/api#sendphoto, #sendmessage): a caption holds 1,024
 * characters and a message 4,096, counted as Telegram counts them — UTF-16 code units of the text
 * *after* entity parsing, i.e. what the reader sees, not the tags or `&amp;`. So the visible text
 * is measured here, and the lead (then, if that is not enough, the headline) is cut at a word
 * with "…" until it fits. No I/O: tested on its own (telegram.format.test.ts).
 */
import crypto from 'node:crypto';

export const CAPTION_LIMIT = 1024;
export const MESSAGE_LIMIT = 4096;
const ELLIPSIS = '…';

export interface PostInput {
  headline: string;
  lead: string;
  url: string;
  /** The link's text in the edition's language ("Read more"). */
  linkText: string;
}

export interface FormattedPost {
  /** HTML for `caption` / `text` with parse_mode HTML. */
  html: string;
  /** What Telegram counts: the text after entity parsing. */
  visible: string;
}

export function escapeTelegramHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Telegram's length: UTF-16 code units (JavaScript's own `length`). */
export function telegramLength(s: string): number {
  return s.length;
}

/**
 * `s` cut to at most `max` UTF-16 units including a trailing "…", at the last space that fits
 * (or, for one long word, at the last whole code point), never splitting a surrogate pair.
 */
export function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 0) return '';
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  let end = max - ELLIPSIS.length;
  // Never leave half of a surrogate pair (an emoji) at the end.
  if (end > 0 && isHighSurrogate(s.charCodeAt(end - 1))) end--;
  const head = s.slice(0, end);
  const next = s.charAt(end);
  let cut = head;
  if (next !== '' && !/\s/.test(next)) {
    const space = head.search(/\s\S*$/);
    if (space > 0) cut = head.slice(0, space);
  }
  cut = cut.replace(/[\s,;:.\-–—]+$/u, '');
  return cut + ELLIPSIS;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/**
 * The post for one edition within `limit` visible characters. The link line always stays (it is
 * the point of the post); the lead gives way first, then the headline.
 */
export function formatPost(input: PostInput, limit: number): FormattedPost {
  let headline = clean(input.headline);
  let lead = clean(input.lead);
  const link = clean(input.linkText) || input.url;
  const sep = '\n\n';
  const fixed = () => headline.length + sep.length + link.length + (lead ? sep.length : 0);
  if (fixed() + lead.length > limit) {
    const room = limit - headline.length - sep.length * 2 - link.length;
    lead = room > ELLIPSIS.length + 1 ? cutAtWord(lead, room) : '';
  }
  if (fixed() + lead.length > limit) headline = cutAtWord(headline, limit - sep.length - link.length);
  const parts = [`<b>${escapeTelegramHtml(headline)}</b>`];
  const visible = [headline];
  if (lead) {
    parts.push(escapeTelegramHtml(lead));
    visible.push(lead);
  }
  parts.push(`<a href="${escapeTelegramHtml(input.url)}">${escapeTelegramHtml(link)}</a>`);
  visible.push(link);
  return { html: parts.join(sep), visible: visible.join(sep) };
}

/** What an 'updated' event compares: a post is edited only when its text would change. */
export function contentHash(html: string): string {
  return crypto.createHash('sha256').update(html).digest('base64url').slice(0, 22);
}
