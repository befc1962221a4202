/**
 * The dashboard's rules: what each view of the numbers contains, who may see it (analytics.policy)
 * and how often it is recomputed. The live view is one snapshot per scope (the whole site, or one
 * author's stories) kept for LIVE_TTL_MS, so ten editors polling cost the database what one does;
 * the usual first-hours curve is recomputed every CURVE_TTL_MS. Reads sum pre-aggregated counters
 * (analytics.repository.ts) within bounded windows and bounded sets of reference stories.
 */
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Actor } from '../accounts/policy.js';
import { NotFoundError, ValidationError, field, msg } from '../errors.js';
import { key } from '../http/validate.js';
import { dayKey } from '../i18n/dates.js';
import { LOCALES } from '../i18n/locales.js';
import { analyticsScope, canSeeStoryNumbers } from './analytics.policy.js';
import type { AnalyticsRepository, EditionInfo, ReportFilter } from './analytics.repository.js';
import { csv } from './csv.js';
import { FIRST_HOURS, HOUR_MS, MINUTE_MS, addDays, dayDiff, daysBetween, medianDayCurve, medianHourCurve, periodOf, trendOf, type Trend } from './curves.js';
import { DEVICES, SOURCES } from './reader-facts.js';

export const LIVE_TTL_MS = 5_000;
const CURVE_TTL_MS = 10 * 60_000;
const LIVE_STORIES = 20;
/** Reference editions for the usual curves: the newest this many in their window. */
const REFERENCE_LIMIT = 200;
const REFERENCE_HOURS_WINDOW = 14 * 24 * HOUR_MS;
const REFERENCE_DAYS_WINDOW = 90 * 24 * HOUR_MS;
/** Days of a story's life shown day by day, at most. */
const MAX_STORY_DAYS = 366;
const MAX_RANGE_DAYS = 366;
const TOP_MAX = 100;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, key('field.date')).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), key('field.date'));
const id = z.coerce.number().int(key('field.whole_number')).min(1, key('field.positive')).max(2_147_483_647, key('field.number_too_large'));
const format = z.enum(['json', 'csv']).default('json');
const filters = { locale: z.enum(LOCALES).optional(), section: id.optional(), author: id.optional(), format };

export const TopQuery = z.object({ period: z.enum(['day', 'week', 'month']).default('day'), date: day.optional(), limit: z.coerce.number().int(key('field.whole_number')).min(1, key('field.positive')).max(TOP_MAX, key('field.too_large')).default(20), ...filters });
export const TotalsQuery = z.object({ by: z.enum(['section', 'author', 'locale']), from: day, to: day, ...filters, /** The language of the names in a CSV export. */ lang: z.enum(LOCALES).default('ru') });

export interface LiveWindow {
  site: number;
  locales: Record<string, number>;
}
export interface LiveStory {
  editionId: number;
  storyId: number;
  locale: string;
  headline: string;
  publishedAt: string | null;
  lastHour: number;
  prevHour: number;
  /** Usual views of a story at this age in an hour (site median); null past 72 hours or unknown. */
  typical: number | null;
  trend: Trend;
}
export interface LiveSnapshot {
  generatedAt: string;
  windows: { m5: LiveWindow; h1: LiveWindow; d1: LiveWindow };
  sparkline: { from: string; stepMs: number; site: number[]; locales: Record<string, number[]> };
  stories: LiveStory[];
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const emptyLocales = () => Object.fromEntries(LOCALES.map((l) => [l, 0])) as Record<string, number>;

export class AnalyticsService {
  private readonly live = new LRUCache<string, { at: number; snap: Promise<LiveSnapshot> }>({ max: 500 });
  private curve: { at: number; values: Promise<(number | null)[]> } | null = null;

  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly clock: () => number,
    private readonly timeZone: () => string,
  ) {}

  /** The live desk view for the actor's scope, at most LIVE_TTL_MS old. */
  async liveView(actor: Actor): Promise<LiveSnapshot> {
    const owner = analyticsScope(actor);
    const k = owner === undefined ? 'all' : `user:${owner}`;
    const now = this.clock();
    const hit = this.live.get(k);
    if (hit && now - hit.at < LIVE_TTL_MS) return hit.snap;
    const snap = this.computeLive(now, owner);
    this.live.set(k, { at: now, snap });
    snap.catch(() => this.live.get(k)?.snap === snap && this.live.delete(k));
    return snap;
  }

  /**
   * Windows end with the minute under way: "5 minutes" is that minute and the 4 before it,
   * "hour" the 60 minutes, "day" the hour under way and the 23 hours before it.
   */
  private async computeLive(now: number, owner: number | undefined): Promise<LiveSnapshot> {
    const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
    const sparkFrom = minute - 59 * MINUTE_MS;
    const [perMinute, perHour, top, typical] = await Promise.all([
      this.repo.minuteTotals(sparkFrom, owner),
      this.repo.hourTotals(hour - 23 * HOUR_MS, owner),
      this.repo.topEditions(sparkFrom, minute + MINUTE_MS, LIVE_STORIES, owner),
      this.usualCurve(now),
    ]);
    const m5: LiveWindow = { site: 0, locales: emptyLocales() };
    const h1: LiveWindow = { site: 0, locales: emptyLocales() };
    const d1: LiveWindow = { site: 0, locales: emptyLocales() };
    const site = Array<number>(60).fill(0);
    const locales = Object.fromEntries(LOCALES.map((l) => [l, Array<number>(60).fill(0)])) as Record<string, number[]>;
    for (const r of perMinute) {
      const i = (r.minute - sparkFrom) / MINUTE_MS;
      if (i < 0 || i >= 60) continue;
      site[i]! += r.views;
      (locales[r.locale] ??= Array<number>(60).fill(0))[i]! += r.views;
      h1.site += r.views;
      h1.locales[r.locale] = (h1.locales[r.locale] ?? 0) + r.views;
      if (i >= 55) {
        m5.site += r.views;
        m5.locales[r.locale] = (m5.locales[r.locale] ?? 0) + r.views;
      }
    }
    for (const r of perHour) {
      d1.site += r.views;
      d1.locales[r.locale] = (d1.locales[r.locale] ?? 0) + r.views;
    }
    const ids = top.map((t) => t.edition_id);
    const [info, prev] = await Promise.all([this.repo.editions(ids), this.repo.editionsWindow(ids, sparkFrom - 60 * MINUTE_MS, sparkFrom)]);
    const byId = new Map(info.map((e) => [e.id, e]));
    const stories: LiveStory[] = [];
    for (const t of top) {
      const e = byId.get(t.edition_id);
      if (!e) continue;
      const age = e.published_at === null ? -1 : Math.floor((hour - Math.floor(e.published_at / HOUR_MS) * HOUR_MS) / HOUR_MS);
      const usual = age >= 0 && age < FIRST_HOURS ? (typical[age] ?? null) : null;
      const prevHour = prev.get(e.id) ?? 0;
      stories.push({ editionId: e.id, storyId: e.story_id, locale: e.locale, headline: e.headline, publishedAt: iso(e.published_at), lastHour: t.views, prevHour, typical: usual, trend: trendOf(t.views, prevHour, usual) });
    }
    return { generatedAt: new Date(now).toISOString(), windows: { m5, h1, d1 }, sparkline: { from: new Date(sparkFrom).toISOString(), stepMs: MINUTE_MS, site, locales }, stories };
  }

  /** The site's median views per hour of life over editions of the last 14 days (cached). */
  private usualCurve(now: number): Promise<(number | null)[]> {
    if (this.curve && now - this.curve.at < CURVE_TTL_MS) return this.curve.values;
    const values = (async () => {
      const ref = await this.repo.publishedBetween(now - REFERENCE_HOURS_WINDOW, now, REFERENCE_LIMIT);
      const items = new Map(ref.map((r) => [r.id, Math.floor(r.published_at / HOUR_MS) * HOUR_MS]));
      const from = Math.min(now, ...items.values());
      const rows = (await this.repo.hourly([...items.keys()], from)).map((r) => ({ key: r.edition_id, hour: r.hour, views: r.views }));
      return medianHourCurve(items, rows, FIRST_HOURS, Math.floor(now / HOUR_MS) * HOUR_MS);
    })();
    this.curve = { at: now, values };
    values.catch(() => this.curve?.values === values && (this.curve = null));
    return values;
  }

  /**
   * One story (any of its editions' ids): hour by hour for its first 72 hours and day by day
   * since publication, per edition, against the median story of its section; where its readers
   * came from and on what devices. Not found and not allowed look alike.
   */
  async story(actor: Actor, editionId: number) {
    const editions = await this.repo.storyEditions(editionId);
    const first = editions[0];
    if (!first || !canSeeStoryNumbers(actor, first.owner_id)) throw new NotFoundError(msg('story.not_found'));
    const now = this.clock();
    const tz = this.timeZone();
    const ids = editions.map((e) => e.id);
    const published = editions.map((e) => e.published_at).filter((t): t is number => t !== null);
    const pub = published.length ? Math.min(...published) : null;
    const [sources] = await Promise.all([this.repo.sources(ids)]);
    const base = {
      storyId: first.story_id,
      sectionId: first.section_id,
      publishedAt: iso(pub),
      editions: editions.map((e) => ({ id: e.id, locale: e.locale, headline: e.headline, status: e.status, publishedAt: iso(e.published_at), views: e.views_total })),
      total: editions.reduce((n, e) => n + e.views_total, 0),
      ...this.breakdown(sources),
    };
    if (pub === null) return { ...base, hourly: { hours: [], series: {}, total: [], sectionMedian: [] }, daily: { days: [], series: {}, total: [], sectionMedian: [] } };
    const hour0 = Math.floor(pub / HOUR_MS) * HOUR_MS;
    const nowHour = Math.floor(now / HOUR_MS) * HOUR_MS;
    const hours: number[] = [];
    for (let t = hour0; t <= nowHour && hours.length < FIRST_HOURS; t += HOUR_MS) hours.push(t);
    const day0 = dayKey(new Date(pub), tz);
    const today = dayKey(new Date(now), tz);
    const days = daysBetween(day0, today < addDays(day0, MAX_STORY_DAYS - 1) ? today : addDays(day0, MAX_STORY_DAYS - 1));
    const [hourly, daily, hourMedian, dayMedian] = await Promise.all([
      this.repo.hourly(ids, hour0),
      this.repo.daily(ids, day0),
      this.sectionHourMedian(first, now),
      this.sectionDayMedian(first, now, days.length, today),
    ]);
    const hSeries = Object.fromEntries(editions.map((e) => [e.id, Array<number>(hours.length).fill(0)]));
    const hTotal = Array<number>(hours.length).fill(0);
    for (const r of hourly) {
      const i = (r.hour - hour0) / HOUR_MS;
      if (i < 0 || i >= hours.length) continue;
      hSeries[r.edition_id]![i]! += r.views;
      hTotal[i]! += r.views;
    }
    const dSeries = Object.fromEntries(editions.map((e) => [e.id, Array<number>(days.length).fill(0)]));
    const dTotal = Array<number>(days.length).fill(0);
    for (const r of daily) {
      const i = dayDiff(day0, r.day);
      if (i < 0 || i >= days.length) continue;
      dSeries[r.edition_id]![i]! += r.views;
      dTotal[i]! += r.views;
    }
    return {
      ...base,
      hourly: { hours: hours.map((t) => new Date(t).toISOString()), series: hSeries, total: hTotal, sectionMedian: hourMedian.slice(0, hours.length) },
      daily: { days, series: dSeries, total: dTotal, sectionMedian: dayMedian },
    };
  }

  private breakdown(rows: { source: string; host: string; device: string; views: number }[]) {
    const bySource = new Map<string, number>(SOURCES.map((s) => [s, 0]));
    const byDevice = new Map<string, number>(DEVICES.map((d) => [d, 0]));
    const byHost = new Map<string, { source: string; host: string; views: number }>();
    for (const r of rows) {
      bySource.set(r.source, (bySource.get(r.source) ?? 0) + r.views);
      byDevice.set(r.device, (byDevice.get(r.device) ?? 0) + r.views);
      if (r.host) {
        const k = `${r.source}\t${r.host}`;
        const h = byHost.get(k);
        if (h) h.views += r.views;
        else byHost.set(k, { source: r.source, host: r.host, views: r.views });
      }
    }
    return {
      sources: [...bySource].map(([source, views]) => ({ source, views })),
      hosts: [...byHost.values()].sort((a, b) => b.views - a.views || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0)).slice(0, 20),
      devices: [...byDevice].map(([device, views]) => ({ device, views })),
    };
  }

  /** Per story of the section (all its editions together): median views per hour of life. */
  private async sectionHourMedian(e: EditionInfo, now: number): Promise<(number | null)[]> {
    const ref = await this.repo.publishedBetween(now - REFERENCE_HOURS_WINDOW, now, REFERENCE_LIMIT, e.section_id, e.story_id);
    const start = new Map<number, number>();
    const storyOf = new Map<number, number>();
    for (const r of ref) {
      storyOf.set(r.id, r.story_id);
      const h = Math.floor(r.published_at / HOUR_MS) * HOUR_MS;
      start.set(r.story_id, Math.min(start.get(r.story_id) ?? h, h));
    }
    const from = Math.min(now, ...start.values());
    const rows = (await this.repo.hourly([...storyOf.keys()], from)).map((r) => ({ key: storyOf.get(r.edition_id)!, hour: r.hour, views: r.views }));
    return medianHourCurve(start, rows, FIRST_HOURS, Math.floor(now / HOUR_MS) * HOUR_MS);
  }

  private async sectionDayMedian(e: EditionInfo, now: number, days: number, today: string): Promise<(number | null)[]> {
    const ref = await this.repo.publishedBetween(now - REFERENCE_DAYS_WINDOW, now, REFERENCE_LIMIT, e.section_id, e.story_id);
    const tz = this.timeZone();
    const first = new Map<number, string>();
    const storyOf = new Map<number, number>();
    for (const r of ref) {
      storyOf.set(r.id, r.story_id);
      const d = dayKey(new Date(r.published_at), tz);
      const had = first.get(r.story_id);
      if (had === undefined || d < had) first.set(r.story_id, d);
    }
    const from = [...first.values()].sort()[0];
    const rows = (await this.repo.daily([...storyOf.keys()], from)).map((r) => ({ key: storyOf.get(r.edition_id)!, day: r.day, views: r.views }));
    return medianDayCurve(first, rows, days, today);
  }

  /** The most read editions of a day, an ISO week or a calendar month (site days). */
  async top(actor: Actor, q: z.infer<typeof TopQuery>) {
    const { fromDay, toDay } = periodOf(q.period, q.date ?? dayKey(new Date(this.clock()), this.timeZone()));
    const f: ReportFilter = { fromDay, toDay, locale: q.locale, section: q.section, author: q.author, owner: analyticsScope(actor) };
    const top = await this.repo.top(f, q.limit);
    const info = new Map((await this.repo.editions(top.map((t) => t.edition_id))).map((e) => [e.id, e]));
    const rows = top.map((t, i) => {
      const e = info.get(t.edition_id)!;
      return { rank: i + 1, editionId: t.edition_id, storyId: e.story_id, locale: e.locale, headline: e.headline, publishedAt: iso(e.published_at), views: t.views };
    });
    return { period: q.period, fromDay, toDay, rows };
  }

  /** Views per day and section, author or locale over a range of site days. */
  async totals(actor: Actor, q: z.infer<typeof TotalsQuery>) {
    if (q.from > q.to) throw new ValidationError(msg('form.invalid'), [field('to', 'analytics.range_order')]);
    const span = dayDiff(q.from, q.to) + 1;
    if (span > MAX_RANGE_DAYS) throw new ValidationError(msg('form.invalid'), [field('to', 'analytics.range_too_long', { max: MAX_RANGE_DAYS })]);
    const f: ReportFilter = { fromDay: q.from, toDay: q.to, locale: q.locale, section: q.section, author: q.author, owner: analyticsScope(actor) };
    const rows = await this.repo.totals(q.by, f);
    const days = daysBetween(q.from, q.to);
    const groups = new Map<string, number[]>();
    for (const r of rows) {
      let s = groups.get(r.key);
      if (!s) groups.set(r.key, (s = Array<number>(days.length).fill(0)));
      s[dayDiff(q.from, r.day)]! += r.views;
    }
    const numeric = [...groups.keys()].filter((k) => k !== '').map(Number);
    const names = q.by === 'locale' ? new Map<number, Record<string, string>>() : await this.repo.names(q.by, numeric);
    const out = [...groups].map(([k, series]) => ({ key: k, names: q.by === 'locale' ? {} : (names.get(Number(k)) ?? {}), total: series.reduce((a, b) => a + b, 0), series }));
    out.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { by: q.by, from: q.from, to: q.to, days, groups: out };
  }

  topCsv(r: Awaited<ReturnType<AnalyticsService['top']>>): string {
    return csv(['rank', 'edition_id', 'story_id', 'locale', 'headline', 'published_at', 'views'], r.rows.map((x) => [x.rank, x.editionId, x.storyId, x.locale, x.headline, x.publishedAt, x.views]));
  }

  totalsCsv(r: Awaited<ReturnType<AnalyticsService['totals']>>, lang: string): string {
    const rows: (string | number)[][] = [];
    for (const g of r.groups) {
      const name = g.names[lang] ?? g.names.ru ?? Object.values(g.names)[0] ?? g.key;
      r.days.forEach((d, i) => rows.push([d, g.key, name, g.series[i]!]));
    }
    return csv(['day', r.by, 'name', 'views'], rows);
  }
}
