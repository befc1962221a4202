/**
 * The wire's rules: what a key may read, how a query string becomes a page query, and the
 * cursor. Routes present the result as ninjs or NewsML-G2.
 *
 * Rights: a key reads only its locales and sections. A list without filters is narrowed to them
 * silently; a filter naming a locale or section outside them is a 403 (the caller asked for
 * something the key does not cover, and should hear so rather than get an empty page). An item
 * outside them is a 403 too.
 *
 * The cursor is opaque (base64url JSON) and bound to its query: it carries a fingerprint of the
 * key and the filters, so a cursor replayed with other filters, another order or another key is a
 * 400 rather than a silently wrong page.
 */
import crypto from 'node:crypto';
import { BadRequestError, ForbiddenError, NotFoundError, msg } from '../errors.js';
import { INT32_MAX } from '../http/validate.js';
import { LOCALES, isLocale, type Locale } from '../i18n/locales.js';
import type { PublicStory, PublicStoryReader } from '../distribution/public-story.js';
import type { WireKey } from './api-keys.service.js';
import type { WireOrder, WireRepository } from './wire.repository.js';

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;
const PARAMS = ['locale', 'section', 'since', 'order', 'limit', 'cursor'] as const;

export interface WireQuery {
  locale: Locale | null;
  section: string | null;
  since: number | null;
  order: WireOrder;
  limit: number;
  cursor: string | null;
}

export interface WirePage {
  items: PublicStory[];
  /**
   * The cursor for the page after this one. Newest first: only when there is more. By change: always
   * (after the last item, or the cursor given when nothing is new) — the subscriber keeps it and
   * asks again later for what changed since.
   */
  next: string | null;
  /** More items are there now: ask again at once with `next`. */
  more: boolean;
}

/** Query string → WireQuery; anything unknown, repeated or malformed is a 400 naming it. */
export function parseWireQuery(raw: Record<string, unknown>): WireQuery {
  const one = (name: string): string | null => {
    const v = raw[name];
    if (v === undefined) return null;
    if (typeof v !== 'string') throw new BadRequestError(msg('wire.repeated_param', { name }));
    return v;
  };
  for (const name of Object.keys(raw)) {
    if (!(PARAMS as readonly string[]).includes(name)) throw new BadRequestError(msg('wire.unknown_param', { name: name.slice(0, 50), allowed: PARAMS.join(', ') }));
  }
  const locale = one('locale');
  if (locale !== null && !isLocale(locale)) throw new BadRequestError(msg('wire.bad_locale', { locale: locale.slice(0, 20), allowed: LOCALES.join(', ') }));
  const section = one('section');
  if (section !== null && !/^[a-z0-9][a-z0-9-]{0,99}$/.test(section)) throw new BadRequestError(msg('wire.bad_section', { section: section.slice(0, 100) }));
  const sinceRaw = one('since');
  let since: number | null = null;
  if (sinceRaw !== null) {
    // A full ISO date-time with a zone (or a bare date, taken as UTC midnight): no local-time guesses.
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(sinceRaw)) throw new BadRequestError(msg('wire.bad_since'));
    since = Date.parse(sinceRaw);
    if (!Number.isFinite(since)) throw new BadRequestError(msg('wire.bad_since'));
  }
  const order = one('order') ?? 'published';
  if (order !== 'published' && order !== 'changed') throw new BadRequestError(msg('wire.bad_order'));
  const limitRaw = one('limit');
  const limit = limitRaw === null ? DEFAULT_LIMIT : /^[1-9]\d{0,2}$/.test(limitRaw) ? Number(limitRaw) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw new BadRequestError(msg('wire.bad_limit', { max: MAX_LIMIT }));
  return { locale: locale as Locale | null, section, since, order, limit, cursor: one('cursor') };
}

/** An item id from the path: a whole number that fits the column, else 400. */
export function parseItemId(raw: string): number {
  const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(id >= 1 && id <= INT32_MAX)) throw new BadRequestError(msg('wire.bad_id'));
  return id;
}

export class WireService {
  constructor(
    private readonly repo: WireRepository,
    private readonly stories: PublicStoryReader,
    private readonly clock: () => number,
  ) {}

  async page(key: WireKey, q: WireQuery): Promise<WirePage> {
    if (q.locale !== null && !key.locales.includes(q.locale)) throw new ForbiddenError(msg('wire.locale_forbidden', { locale: q.locale }));
    let sectionIds: number[] | null = key.sectionIds.length ? key.sectionIds : null;
    if (q.section !== null) {
      const id = await this.repo.sectionIdBySlug(q.section);
      if (id === undefined) throw new BadRequestError(msg('wire.bad_section', { section: q.section }));
      if (sectionIds && !sectionIds.includes(id)) throw new ForbiddenError(msg('wire.section_forbidden', { section: q.section }));
      sectionIds = [id];
    }
    const fingerprint = queryFingerprint(key.id, q);
    const after = q.cursor === null ? null : decodeCursor(q.cursor, fingerprint);
    const rows = await this.repo.page({ order: q.order, locales: q.locale ? [q.locale] : key.locales, sectionIds, since: q.since, after, limit: q.limit, now: this.clock() });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const more = rows.length > q.limit;
    const next = last && (more || q.order === 'changed') ? encodeCursor(fingerprint, [last.at, last.id]) : q.order === 'changed' ? q.cursor : null;
    return { items: await this.stories.byEditionIds(page.map((r) => r.id)), next, more };
  }

  async item(key: WireKey, id: number): Promise<PublicStory> {
    const facts = await this.repo.item(id);
    if (!facts) throw new NotFoundError(msg('wire.item_not_found'));
    const sectionOk = key.sectionIds.length === 0 || (facts.sectionId !== null && key.sectionIds.includes(facts.sectionId));
    if (!key.locales.includes(facts.locale as Locale) || !sectionOk) throw new ForbiddenError(msg('wire.item_forbidden'));
    const [story] = await this.stories.byEditionIds([id]);
    if (!story) throw new NotFoundError(msg('wire.item_not_found')); // deleted in between
    return story;
  }
}

function queryFingerprint(keyId: number, q: WireQuery): string {
  const basis = JSON.stringify([keyId, q.order, q.locale, q.section, q.since]);
  return crypto.createHash('sha256').update(basis).digest('base64url').slice(0, 16);
}

function encodeCursor(fingerprint: string, at: readonly [number, number]): string {
  return Buffer.from(JSON.stringify({ q: fingerprint, k: at })).toString('base64url');
}

function decodeCursor(cursor: string, fingerprint: string): [number, number] {
  let parsed: unknown = null;
  if (cursor.length <= 200 && /^[A-Za-z0-9_-]+$/.test(cursor)) {
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      parsed = null;
    }
  }
  const c = parsed as { q?: unknown; k?: unknown } | null;
  const k = c?.k;
  const valid = c !== null && typeof c === 'object' && c.q === fingerprint && Array.isArray(k) && k.length === 2 && Number.isSafeInteger(k[0]) && Number.isInteger(k[1]) && k[1] >= 1 && k[1] <= INT32_MAX;
  if (!valid) throw new BadRequestError(msg('wire.bad_cursor'));
  return [k[0] as number, k[1] as number];
}
