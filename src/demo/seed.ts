/**
 * Creates the demo site on an empty database: settings, sections, tags, authors, the reference
 * story (imported from its text file, flagged as the Russian main story, keeping its date and its
 * 224 views) and generated agency news over the last three weeks with hero images and view
 * histories. Images are drawn first; all rows are then written in one transaction, so a crash
 * leaves either no demo or the whole demo.
 */
import type { Kysely } from 'kysely';
import type { Container } from '../container.js';
import type { Database } from '../db/schema.js';
import { paragraphsToDoc } from '../content/document.js';
import { readArticleFile } from '../content/reference-import.js';
import { dayKey } from '../i18n/dates.js';
import { DEMO_AUTHORS, DEMO_SECTIONS, DEMO_TAGS, DEMO_TRANSLIT_KEEP, generateDemoStoryEditions, type DemoTranslation } from './corpus.js';
import { transliterateText } from '../i18n/translit.js';
import type { EditionInput } from '../content/stories.service.js';
import { drawHeroImage } from './hero-image.js';

export interface DemoOptions {
  stories?: number;
  /** Distinct hero images drawn; stories share them round-robin (drawing is the slow part). */
  images?: number;
  seed?: number;
  progress?: (message: string) => void;
}

export interface DemoResult {
  created: boolean;
  referencePath: string | null;
  stories: number;
}

export const DEMO_AGENCY = 'ИА «Xabar»';

/** Another node created the demo while this one was drawing images. */
class AlreadySeeded extends Error {}
const HOUR = 3600_000;

export async function isEmpty(c: Container): Promise<boolean> {
  const row = await c.db.kysely.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0) === 0;
}

export async function seedDemo(c: Container, opts: DemoOptions = {}): Promise<DemoResult> {
  const total = opts.stories ?? 90;
  const progress = opts.progress ?? (() => undefined);
  if (!(await isEmpty(c))) return { created: false, referencePath: null, stories: 0 };

  const settings = await c.settings.get();
  const reference = await readArticleFile(c.config.referenceFile, settings.timeZone);
  const stories = generateDemoStoryEditions(total, opts.seed ?? 2025);
  const seeds = stories.map((x) => x.ru);
  const imageCount = Math.max(1, Math.min(opts.images ?? 32, seeds.length + 1));

  progress(`Drawing ${imageCount} hero images…`);
  // Images are drawn per section in its accent colour; stories reuse the ones of their section.
  const images: { section: string; data: Buffer }[] = [];
  const refImage = await drawHeroImage({ seed: 424242, accent: DEMO_SECTIONS.find((s) => s.slug === 'world')?.color ?? '#0b5cad', width: 1600, height: 900 });
  for (let i = 0; i < imageCount; i++) {
    const section = DEMO_SECTIONS[i % DEMO_SECTIONS.length]!;
    images.push({ section: section.slug, data: await drawHeroImage({ seed: 1000 + i * 7919, accent: section.color, width: 1600, height: 900 }) });
    if ((i + 1) % 10 === 0 || i + 1 === imageCount) progress(`  images ${i + 1}/${imageCount}`);
  }

  const now = c.clock();
  const result = await c.db.kysely.transaction().execute(async (trx) => {
    // Claim the demo first: when several nodes start on one empty PostgreSQL database, the others
    // wait on this row, find it taken after the first commits, and roll back without a duplicate.
    const claimed = await trx.insertInto('settings').values({ key: 'demoCreatedAt', value: JSON.stringify(new Date(now).toISOString()) }).onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst();
    if (!claimed) throw new AlreadySeeded();
    await c.settings.save(
      {
        siteName: { ru: 'Xabar', uz: 'Xabar', 'uz-Cyrl': 'Хабар', en: 'Xabar' },
        telegramChannel: { ru: 'xabar_news', uz: 'xabar_uz', 'uz-Cyrl': 'xabar_uz', en: 'xabar_en' },
        datelineAgency: { ru: DEMO_AGENCY, uz: 'Xabar AA', 'uz-Cyrl': 'Хабар АА', en: 'Xabar' },
      },
      trx,
    );
    const sectionIds = new Map<string, number>();
    for (const [i, s] of DEMO_SECTIONS.entries()) sectionIds.set(s.slug, await c.taxonomy.upsertSection(trx, s.slug, i, s.color, s.names));
    const tagIds = new Map<string, number>();
    for (const t of DEMO_TAGS) tagIds.set(t.slug, await c.taxonomy.upsertTag(trx, t.slug, t.names));
    const authorIds = new Map<string, number>();
    for (const a of DEMO_AUTHORS) authorIds.set(a.slug, await c.taxonomy.upsertAuthor(trx, a.slug, a.names, a.bio));

    const mediaBySection = new Map<string, number[]>();
    const allMedia: number[] = [];
    for (const img of images) {
      const id = await c.media.storeImage({ data: img.data, credit: 'Xabar', originalName: 'demo.jpg' }, trx);
      mediaBySection.set(img.section, [...(mediaBySection.get(img.section) ?? []), id]);
      allMedia.push(id);
    }
    const sectionSeen = new Map<string, number>();
    const refMedia = await c.media.storeImage({ data: refImage, credit: 'Xabar', originalName: 'reference.jpg', texts: { ru: { alt: 'Здание Отделения ООН в Женеве, иллюстрация', caption: reference.caption } } }, trx);

    // The reference story: its own date, its views, the main story of the Russian home page.
    const ref = await c.stories.create(
      {
        sectionId: sectionIds.get('world') ?? null,
        tagIds: ['migratsiya', 'oon', 'tsentralnaya-aziya'].map((s) => tagIds.get(s)).filter((x): x is number => x !== undefined),
        authorIds: [],
        heroMediaId: refMedia,
        editions: [
          {
            locale: 'ru',
            headline: reference.headline,
            lead: reference.paragraphs[0]!,
            doc: paragraphsToDoc(reference.paragraphs),
            dateline: reference.dateline,
            heroCaption: reference.caption,
            status: 'published',
            publishedAt: reference.publishedAt,
            isMain: true,
            initialViews: reference.views,
          },
        ],
      },
      trx,
    );

    const pickImage = (section: string): number | null => {
      const pool = mediaBySection.get(section) ?? allMedia;
      const n = sectionSeen.get(section) ?? 0;
      sectionSeen.set(section, n + 1);
      return pool[n % pool.length] ?? null;
    };

    // Generated news: newest first, spread over the last 21 days, a few an hour in the day time.
    // Each story has Russian, Uzbek (Latin) and English editions where the corpus translates it;
    // the Uzbek Cyrillic edition is derived from the Latin one, as the newsroom does.
    const agency = { ru: DEMO_AGENCY, uz: 'Xabar AA', 'uz-Cyrl': 'Хабар АА', en: 'Xabar' } as const;
    let at = now - 20 * 60_000;
    let created = 1;
    for (const { ru: s, uz, en } of stories) {
      const gap = (35 + ((s.imageSeed * 7919) % 240)) * 60_000;
      at -= gap;
      const publishedAt = new Date(at);
      const ageHours = (now - at) / HOUR;
      const views = Math.round((400 + ((s.imageSeed * 104729) % 4200)) * Math.max(0.15, 1 - ageHours / (24 * 30)));
      // Breaking flags only on stories fresh enough to show in the strip.
      const common = { status: 'published' as const, publishedAt, isBreaking: s.breaking && ageHours < 6 };
      const edition = (locale: EditionInput['locale'], t: DemoTranslation, share: number): EditionInput => ({
        ...common, locale, headline: t.headline, lead: t.lead, doc: paragraphsToDoc(t.paragraphs), dateline: { city: t.city, agency: agency[locale] },
        heroCaption: t.imageCaption ?? '', initialViews: Math.round(views * share),
      });
      const cyrl = (t: string) => transliterateText(t, 'cyrl', { keep: DEMO_TRANSLIT_KEEP });
      const editions: EditionInput[] = [edition('ru', { headline: s.headline, lead: s.lead, paragraphs: s.paragraphs, city: s.city, imageCaption: s.imageCaption }, 1)];
      if (uz) {
        editions.push(edition('uz', uz, 0.45));
        editions.push({ ...edition('uz-Cyrl', { headline: cyrl(uz.headline), lead: cyrl(uz.lead), paragraphs: uz.paragraphs.map(cyrl), city: cyrl(uz.city), imageCaption: uz.imageCaption && cyrl(uz.imageCaption) }, 0.2), derivedFrom: 'uz' });
      }
      if (en) editions.push(edition('en', en, 0.3));
      const story = await c.stories.create(
        {
          sectionId: sectionIds.get(s.section) ?? null,
          tagIds: s.tags.map((t) => tagIds.get(t)).filter((x): x is number => x !== undefined),
          authorIds: s.authors.map((a) => authorIds.get(a)).filter((x): x is number => x !== undefined),
          heroMediaId: pickImage(s.section),
          editions,
        },
        trx,
      );
      for (const e of story.editions) await seedViewHistory(c, trx, e.id, at, now, editions.find((x) => x.locale === e.locale)!.initialViews ?? 0, settings.timeZone);
      created++;
      if (created % 30 === 0) progress(`  stories ${created}/${seeds.length + 1}`);
    }
    return { refSlug: ref.editions[0]!.slug, created };
  }).catch((err: unknown) => {
    if (err instanceof AlreadySeeded) return null;
    throw err;
  });
  if (!result) return { created: false, referencePath: null, stories: 0 };
  c.pageCache?.clear();
  return { created: true, referencePath: `/ru/news/${result.refSlug}`, stories: result.created };
}

/** Spreads a story's views over the hours after publication (most in the first day), for most-read lists. */
async function seedViewHistory(c: Container, trx: Kysely<Database>, editionId: number, publishedAt: number, now: number, views: number, timeZone: string) {
  const hourly = new Map<number, number>();
  let left = views;
  let h = Math.floor(publishedAt / HOUR) * HOUR;
  let share = 0.18;
  while (left > 0 && h <= now) {
    const n = Math.max(1, Math.round(left * share));
    hourly.set(h, (hourly.get(h) ?? 0) + Math.min(n, left));
    left -= Math.min(n, left);
    h += HOUR;
    share = Math.min(0.5, share * 1.01);
  }
  if (left > 0) hourly.set(Math.floor(now / HOUR) * HOUR, (hourly.get(Math.floor(now / HOUR) * HOUR) ?? 0) + left);
  const daily = new Map<string, number>();
  for (const [hour, n] of hourly) {
    const d = dayKey(new Date(hour), timeZone);
    daily.set(d, (daily.get(d) ?? 0) + n);
  }
  await c.dialect.addHourlyViews(trx, [...hourly].map(([hour, v]) => ({ edition_id: editionId, hour, views: v })));
  await c.dialect.addDailyViews(trx, [...daily].map(([day, v]) => ({ edition_id: editionId, day, views: v })));
}
