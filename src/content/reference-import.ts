/**
 * Imports an article saved as "the text of the page as a reader's browser shows it" — the form of
 * fixtures/reference-story.ru.txt: logo line, headline, «Апрель 24, 2025. 14:26 • 2 мин», view
 * count, caption, body paragraphs (the first opening with a dateline), then the Telegram block.
 * Anything that does not fit raises ImportFormatError naming the line, so nothing half-parsed is
 * ever written.
 */
import fs from 'node:fs/promises';
import { zonedToInstant } from '../i18n/dates.js';
import { parseDateline, type DatelineFields } from './dateline.js';

export class ImportFormatError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ImportFormatError';
  }
}

export interface ImportedArticle {
  headline: string;
  publishedAt: Date;
  views: number;
  caption: string;
  dateline: DatelineFields;
  paragraphs: string[];
}

const RU_MONTHS_NOMINATIVE = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('ru', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, m, 15))),
);
const DATE_LINE = /^([А-ЯЁа-яё]+)\s+(\d{1,2}),\s+(\d{4})\.\s+(\d{1,2}):(\d{2})/u;
const FOOTER_START = /^Подпишись на наш Telegram/i;

export async function readArticleFile(file: string, timeZone: string): Promise<ImportedArticle> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' ? 'the file is not readable' : (err as Error).message;
    throw new ImportFormatError(file, `cannot read the reference story (${why}). Restore it from the repository or set XABAR_REFERENCE_FILE.`);
  }
  return parseArticleText(text, timeZone, file);
}

export function parseArticleText(text: string, timeZone: string, file = '<text>'): ImportedArticle {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  let i = 0;
  if (/^logo$/i.test(lines[i] ?? '')) i++;
  const headline = lines[i++];
  if (!headline) throw new ImportFormatError(file, 'no headline found (expected it on the first line after «Logo»)');

  const dateLine = lines[i++] ?? '';
  const dm = DATE_LINE.exec(dateLine);
  if (!dm) throw new ImportFormatError(file, `expected a date such as «Апрель 24, 2025. 14:26» after the headline, found «${dateLine.slice(0, 60)}»`);
  const month = RU_MONTHS_NOMINATIVE.indexOf(dm[1]!.toLowerCase()) + 1;
  if (month === 0) throw new ImportFormatError(file, `unknown month «${dm[1]}» in the date line`);
  const publishedAt = zonedToInstant(+dm[3]!, month, +dm[2]!, +dm[4]!, +dm[5]!, timeZone);

  let views = 0;
  if (/^\d[\d\s]*$/.test(lines[i] ?? '')) views = Number(lines[i++]!.replace(/\s/g, ''));

  let caption = '';
  if (lines[i] === headline) {
    caption = lines[i++]!;
  }

  const paragraphs: string[] = [];
  for (; i < lines.length && !FOOTER_START.test(lines[i]!); i++) paragraphs.push(lines[i]!);
  if (paragraphs.length === 0) throw new ImportFormatError(file, 'the story has no body paragraphs');

  const parsed = parseDateline(paragraphs[0]!);
  if (!parsed) throw new ImportFormatError(file, 'the first paragraph does not open with a dateline such as «ЖЕНЕВА, 24 апреля. /ИА «Дунё»/.»');
  paragraphs[0] = parsed.rest;
  return { headline, publishedAt, views, caption: caption || headline, dateline: { city: parsed.city, agency: parsed.agency }, paragraphs };
}
