/**
 * The public read API's request and response schemas (zod). The same objects validate the
 * requests (public-api.routes.ts), check and serialise the responses, and are turned into
 * /api/openapi.json — so the document describes exactly what is served, and the tests validate
 * responses against that document.
 *
 * Query objects are `.strict()`: an unknown parameter is a 400, never silently ignored (a typo in
 * `secton=` would otherwise return the unfiltered list and look right).
 */
import { z } from 'zod';
import { LOCALES } from '../i18n/locales.js';
import { INT32_MAX, key } from '../http/validate.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

const Slug = (what: string, example: string) => z.string().min(1).max(200).regex(/^[a-z0-9-]+$/).describe(`Only stories of this ${what}: its slug, as in the site URL (\`${example}\`).`);
const Locale = z.enum(LOCALES).describe("The edition's language: `ru`, `uz` (Uzbek, Latin script), `uz-Cyrl` (Uzbek, Cyrillic script) or `en`. Default: the site's default language.");
// Coerced from the query string: '' and 'abc' fail as "not a number" or "at least 1".
const Limit = z.coerce.number().int().min(1).max(MAX_LIMIT).describe(`Items per page, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`);
const Cursor = z.string().min(1).max(400).regex(/^[A-Za-z0-9_-]+$/).describe('The `nextCursor` of the previous page, with the same other parameters.');

export const StoriesQuery = z
  .object({
    locale: Locale.optional(),
    section: Slug('section', 'politics').optional(),
    tag: Slug('tag', 'saylov').optional(),
    author: Slug('author', 'aziz-karimov').optional(),
    since: z
      .string()
      .datetime({ offset: true })
      // The pattern passes some impossible dates; what Date cannot read is refused here, not as NaN in SQL.
      .refine((v) => !Number.isNaN(Date.parse(v)), key('field.datetime'))
      .describe('ISO 8601 date-time with an offset (`2026-11-20T09:00:00Z`): only stories published or updated at or after it.').optional(),
    limit: Limit.optional(),
    cursor: Cursor.optional(),
  })
  .strict();
export type StoriesQuery = z.infer<typeof StoriesQuery>;

export const TermsQuery = z.object({ locale: Locale.optional(), limit: Limit.optional(), cursor: Cursor.optional() }).strict();
export type TermsQuery = z.infer<typeof TermsQuery>;

/** A route without query parameters still refuses unknown ones. */
export const NoQuery = z.object({}).strict();

export const SectionsQuery = z.object({ locale: Locale.optional() }).strict();
export type SectionsQuery = z.infer<typeof SectionsQuery>;

/** The `{id}` in the path: an edition id, 1..2³¹−1 (ids that cannot exist are 400, not a database error). */
export const StoryParams = z
  .object({ id: z.string().regex(/^[1-9]\d{0,9}$/).refine((s) => Number(s) <= INT32_MAX, key('field.number_too_large')).describe('The edition id (the `id` of a list item).') })
  .strict();

const DateTime = z.string().datetime().describe('ISO 8601, UTC.');
const Url = z.string().url();

export const Term = z.object({ id: z.number().int(), slug: z.string(), name: z.string().describe('In the requested language.'), url: Url.describe('Its page on the site.') });

export const Rendition = z.object({ url: Url, width: z.number().int(), height: z.number().int(), type: z.string().describe('MIME type, e.g. image/webp.'), bytes: z.number().int() });

export const Image = z.object({
  mediaId: z.number().int(),
  url: Url.describe('The cleaned original.'),
  width: z.number().int(),
  height: z.number().int(),
  type: z.string(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
  main: Rendition.describe('The widest JPEG variant (the one to show when in doubt).'),
  variants: z.array(Rendition).describe('Every stored variant, narrowest first (WebP and JPEG).'),
});

const Language = z.string().describe('BCP 47 tag: ru, uz-Latn, uz-Cyrl, en.');

export const StorySummary = z.object({
  id: z.number().int().describe('The edition id: one story has one edition per language.'),
  storyId: z.number().int(),
  locale: z.enum(LOCALES),
  language: Language,
  url: Url.describe('The article page.'),
  headline: z.string(),
  lead: z.string(),
  publishedAt: DateTime,
  updatedAt: DateTime,
  isBreaking: z.boolean(),
  urgency: z.number().int().min(1).max(8).describe('IPTC urgency: 1 flash … 8; 5 is normal.'),
  readingMinutes: z.number().int(),
  section: Term.nullable(),
  tags: z.array(Term),
  authors: z.array(Term),
  image: Image.nullable(),
});

export const Story = StorySummary.extend({
  dateline: z.string().describe('«ЖЕНЕВА, 24 апреля. /ИА «Дунё»/.», or empty.'),
  bodyHtml: z.string().describe('Sanitised HTML with absolute URLs; the dateline is its lead-in.'),
  wordCount: z.number().int(),
  editions: z.array(z.object({ id: z.number().int(), locale: z.enum(LOCALES), language: Language, url: Url, headline: z.string() })).describe('The same story in the other languages readers can see now.'),
  notes: z.array(z.object({ kind: z.enum(['correction', 'update']), text: z.string(), at: DateTime })).describe('Dated corrections and updates, oldest first.'),
}).describe('The story.');

const NextCursor = z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.');

export const StoryList = z.object({ items: z.array(StorySummary), nextCursor: NextCursor }).describe('A page of stories.');

export const Section = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), description: z.string(), color: z.string(), url: Url });
export const SectionList = z.object({ items: z.array(Section) }).describe('Every section named in the language.');

export const Tag = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), url: Url });
export const TagList = z.object({ items: z.array(Tag), nextCursor: NextCursor }).describe('A page of tags.');

export const Author = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), bio: z.string(), url: Url });
export const AuthorList = z.object({ items: z.array(Author), nextCursor: NextCursor }).describe('A page of authors.');

/** The project's error body (src/http/error-handler.ts). */
export const ApiError = z.object({
  error: z.object({
    code: z.string().describe('Stable category: bad_request, not_found, rate_limited …'),
    message: z.string().describe('English text for people.'),
    key: z.string().optional().describe('The message catalogue key.'),
    params: z.record(z.unknown()).optional(),
    details: z.unknown().optional().describe('For a bad query: `{ fields: [{ field, message }] }`.'),
  }),
});
