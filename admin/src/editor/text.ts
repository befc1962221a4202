/**
 * Word count and reading time computed in the browser the way the server does
 * (src/i18n/reading-time.ts, src/content/document.ts): words are Intl.Segmenter word-like segments
 * of the body's plain text (image captions included), speeds per locale, +12 s per image or embed,
 * rounded up, at least one minute.
 */
import type { Doc, DocNode } from '../types';

const WPM: Record<string, number> = { ru: 184, uz: 170, 'uz-Cyrl': 170, en: 228 };
const TAG: Record<string, string> = { ru: 'ru', uz: 'uz-Latn', 'uz-Cyrl': 'uz-Cyrl', en: 'en' };
export const SECONDS_PER_IMAGE = 12;

const segmenters = new Map<string, Intl.Segmenter>();

export function countWords(text: string, locale: string): number {
  const tag = TAG[locale] ?? locale;
  let seg = segmenters.get(tag);
  if (!seg) {
    seg = new Intl.Segmenter(tag, { granularity: 'word' });
    segmenters.set(tag, seg);
  }
  let n = 0;
  for (const s of seg.segment(text)) if (s.isWordLike) n++;
  return n;
}

export function readingMinutes(words: number, images: number, locale: string): number {
  const minutes = words / (WPM[locale] ?? 184) + (images * SECONDS_PER_IMAGE) / 60;
  return Math.max(1, Math.ceil(minutes));
}

/** Plain text of a document, blocks separated by blank lines (same as the server's docText). */
export function docText(doc: Doc | null | undefined): string {
  if (!doc?.content) return '';
  const blocks: string[] = [];
  const walk = (node: DocNode, into: string[]): void => {
    if (node.type === 'text') into.push(node.text ?? '');
    else if (node.type === 'image') into.push(String(node.attrs?.caption ?? ''));
    else if (node.type === 'gallery') into.push(((node.attrs?.items ?? []) as { caption?: string }[]).map((x) => x.caption ?? '').filter(Boolean).join(' '));
    else if (node.type === 'video') into.push(String(node.attrs?.caption ?? ''));
    else for (const c of node.content ?? []) walk(c, into);
  };
  for (const n of doc.content) {
    const acc: string[] = [];
    walk(n, acc);
    const t = acc.join('').trim();
    if (t) blocks.push(t);
  }
  return blocks.join('\n\n');
}

export function countImages(doc: Doc | null | undefined): number {
  let n = 0;
  const walk = (node: DocNode): void => {
    if (node.type === 'image' || node.type === 'embed' || node.type === 'video') n++;
    if (node.type === 'gallery') n += ((node.attrs?.items ?? []) as unknown[]).length;
    for (const c of node.content ?? []) walk(c);
  };
  doc?.content?.forEach(walk);
  return n;
}

export function docStats(doc: Doc | null | undefined, locale: string): { words: number; minutes: number; images: number } {
  const words = countWords(docText(doc), locale);
  const images = countImages(doc);
  return { words, images, minutes: readingMinutes(words, images, locale) };
}

export type EmbedProvider = 'youtube' | 'telegram' | 'x';

/** Recognises a YouTube video, a Telegram post or an X/Twitter post URL. */
export function detectEmbed(raw: string): { provider: EmbedProvider; url: string } | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.replace(/^(www\.|m\.|mobile\.)/, '').toLowerCase();
  const parts = u.pathname.split('/').filter(Boolean);
  if (host === 'youtu.be' && parts[0]) return { provider: 'youtube', url: `https://www.youtube.com/watch?v=${parts[0]}` };
  if (host === 'youtube.com' || host === 'music.youtube.com') {
    const v = u.searchParams.get('v');
    if (v) return { provider: 'youtube', url: `https://www.youtube.com/watch?v=${v}` };
    if ((parts[0] === 'shorts' || parts[0] === 'embed' || parts[0] === 'live') && parts[1]) return { provider: 'youtube', url: `https://www.youtube.com/watch?v=${parts[1]}` };
    return null;
  }
  if (host === 't.me' || host === 'telegram.me') {
    const p = parts[0] === 's' ? parts.slice(1) : parts;
    if (p.length >= 2 && /^\d+$/.test(p[1]!)) return { provider: 'telegram', url: `https://t.me/${p[0]}/${p[1]}` };
    return null;
  }
  if (host === 'x.com' || host === 'twitter.com') {
    if (parts.length >= 3 && parts[1] === 'status' && /^\d+$/.test(parts[2]!)) return { provider: 'x', url: `https://x.com/${parts[0]}/status/${parts[2]}` };
    return null;
  }
  return null;
}
