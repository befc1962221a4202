import { describe, expect, it } from 'vitest';
import type { HeroImage } from '../media/media.service.js';
import { SiteSettingsSchema } from './settings.js';
import type { ArticleModel, Card, Chrome } from './site.service.js';
import {
  articleImages,
  articleLd,
  breadcrumbLd,
  modifiedIso,
  organizationLd,
  publisherOf,
  serializeJsonLd,
  socialTags,
  webSiteLd,
  type Publisher,
} from './structured-data.js';

const SITE = 'https://news.example.test';

const publisher: Publisher = { siteUrl: SITE, name: 'Xabar', locale: 'ru', logo: { url: `${SITE}/assets/logo.abc.svg`, width: 184, height: 44 }, telegram: 'https://t.me/xabar_news' };

const hero = (over: Partial<HeroImage> = {}): HeroImage => ({
  src: '/media/ab/abc.jpg',
  srcset: '',
  width: 1200,
  height: 675,
  alt: 'Здание',
  caption: 'Подпись',
  credit: 'Xabar',
  large: { src: '/media/ab/abc-1600.webp', width: 1600, height: 900 },
  ...over,
});

function article(over: { card?: Partial<Card> } & Partial<Omit<ArticleModel, 'card'>> = {}): ArticleModel {
  const card: Card = {
    editionId: 1, storyId: 1, href: '/ru/news/zagolovok', headline: 'Заголовок', lead: 'Лид', publishedIso: '2025-04-24T14:26:00+05:00',
    published: '', time: '', day: '', isToday: false, isBreaking: false, urgency: 5, views: 0, readingMinutes: 1,
    section: { name: 'В мире', href: '/ru/section/world', color: '#000' }, image: hero(), ...over.card,
  };
  return {
    editionId: 1, slug: 'zagolovok', bodyHtml: '', dateline: '', seoTitle: card.headline, seoDescription: 'Описание', updatedIso: '2025-04-25T10:00:00+05:00',
    tags: [], authors: [], related: [], telegramUrl: null, notes: [], updated: null, lead: null,
    ...over, card,
  };
}

describe('serializeJsonLd', () => {
  const hostile = 'А </script><!-- <script>alert(1)</script> & \u2028 конец \u2029 "кавычки" \\';

  it('writes no character that can end the script element or break a line in JavaScript', () => {
    const out = serializeJsonLd({ headline: hostile, nested: [{ name: '</SCRIPT >' }] });
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain('\\u003c/script\\u003e\\u003c!--');
    expect(out).toContain('\\u2028');
    expect(out).toContain('\\u2029');
    expect(out).toContain('\\u0026');
  });

  it('reads back as the same value', () => {
    const value = { headline: hostile, n: 3, list: ['<', '>'] };
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value);
  });
});

describe('articleImages', () => {
  it('lists the files at least 1,200 px wide, the widest first, as absolute URLs', () => {
    expect(articleImages(hero(), SITE)).toEqual([`${SITE}/media/ab/abc-1600.webp`, `${SITE}/media/ab/abc.jpg`]);
  });

  it('gives the widest file alone when the original is narrower than 1,200 px', () => {
    const small = hero({ width: 1000, height: 563, large: { src: '/media/ab/abc-1000.webp', width: 1000, height: 563 } });
    expect(articleImages(small, SITE)).toEqual([`${SITE}/media/ab/abc-1000.webp`]);
  });

  it('uses the JPEG when no large variant is known, and nothing without a hero', () => {
    expect(articleImages(hero({ large: undefined }), SITE)).toEqual([`${SITE}/media/ab/abc.jpg`]);
    expect(articleImages(null, SITE)).toEqual([]);
  });
});

describe('articleLd', () => {
  it('keeps a long headline whole and describes the story per Google’s article guidance', () => {
    const headline = 'Очень длинный заголовок '.repeat(10).trim();
    const a = article({ card: { headline }, tags: [{ id: 1, slug: 'oon', name: 'ООН', href: '/ru/tag/oon' }] as ArticleModel['tags'] });
    const ld = articleLd(a, publisher);
    expect(headline.length).toBeGreaterThan(200);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline,
      description: 'Описание',
      url: `${SITE}/ru/news/zagolovok`,
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}/ru/news/zagolovok` },
      inLanguage: 'ru',
      datePublished: '2025-04-24T14:26:00+05:00',
      dateModified: '2025-04-25T10:00:00+05:00',
      image: [`${SITE}/media/ab/abc-1600.webp`, `${SITE}/media/ab/abc.jpg`],
      articleSection: 'В мире',
      keywords: ['ООН'],
      isAccessibleForFree: true,
      publisher: { '@type': 'NewsMediaOrganization', name: 'Xabar', url: `${SITE}/ru/`, logo: { '@type': 'ImageObject', url: publisher.logo.url, width: 184, height: 44 } },
    });
  });

  it('names authors as people with their pages, else the agency', () => {
    const authors = [{ id: 1, slug: 'ivanov', name: 'Иван Иванов', href: '/ru/author/ivanov' }] as ArticleModel['authors'];
    expect(articleLd(article({ authors }), publisher).author).toEqual([{ '@type': 'Person', name: 'Иван Иванов', url: `${SITE}/ru/author/ivanov` }]);
    expect(articleLd(article(), publisher).author).toEqual([expect.objectContaining({ '@type': 'NewsMediaOrganization', name: 'Xabar', url: `${SITE}/ru/` })]);
  });

  it('distinguishes the Uzbek scripts and leaves out what the story does not have', () => {
    const ld = articleLd(article({ card: { section: null, image: null } }), { ...publisher, locale: 'uz-Cyrl' });
    expect(ld.inLanguage).toBe('uz-Cyrl');
    expect(articleLd(article(), { ...publisher, locale: 'uz' }).inLanguage).toBe('uz-Latn');
    expect(ld).not.toHaveProperty('image');
    expect(ld).not.toHaveProperty('articleSection');
    expect(ld).not.toHaveProperty('keywords');
  });

  it('never dates a modification before the publication', () => {
    expect(modifiedIso('2025-04-24T14:26:00+05:00', '2025-04-24T09:00:00+05:00')).toBe('2025-04-24T14:26:00+05:00');
    expect(modifiedIso('2025-04-24T14:26:00+05:00', '2025-04-24T10:00:00Z')).toBe('2025-04-24T10:00:00Z');
  });
});

describe('site-wide JSON-LD', () => {
  it('gives the site a search action at the locale’s search page', () => {
    expect(webSiteLd({ ...publisher, locale: 'uz-Cyrl' })).toMatchObject({
      '@type': 'WebSite',
      url: `${SITE}/uz-cyrl/`,
      inLanguage: 'uz-Cyrl',
      potentialAction: { '@type': 'SearchAction', target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/uz-cyrl/search?q={search_term_string}` }, 'query-input': 'required name=search_term_string' },
    });
  });

  it('links the agency to its Telegram channel only when there is one', () => {
    expect(organizationLd(publisher)).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'Xabar', url: `${SITE}/ru/`, sameAs: ['https://t.me/xabar_news'] });
    expect(organizationLd({ ...publisher, telegram: null })).not.toHaveProperty('sameAs');
  });

  it('numbers breadcrumb steps from 1 with absolute URLs', () => {
    expect(breadcrumbLd([{ name: 'Главная', path: '/ru/' }, { name: 'В мире', path: '/ru/section/world' }], SITE).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Главная', item: `${SITE}/ru/` },
      { '@type': 'ListItem', position: 2, name: 'В мире', item: `${SITE}/ru/section/world` },
    ]);
  });

  it('takes the uploaded logo at its file size, else the built-in one; an empty channel is none', () => {
    const settings = SiteSettingsSchema.parse({ telegramChannel: { ru: 'xabar_news', en: '' } });
    const chrome = { locale: 'en', settings, siteName: 'Xabar', logoFile: null } as unknown as Chrome;
    expect(publisherOf(chrome, SITE, '/assets/logo.1.svg')).toEqual({ siteUrl: SITE, name: 'Xabar', locale: 'en', logo: { url: `${SITE}/assets/logo.1.svg`, width: 184, height: 44 }, telegram: null });
    const uploaded = { ...chrome, locale: 'ru', logoFile: { src: '/media/lo/go-640.webp', width: 640, height: 160 } } as Chrome;
    expect(publisherOf(uploaded, SITE, '/assets/logo.1.svg')).toMatchObject({ logo: { url: `${SITE}/media/lo/go-640.webp`, width: 640, height: 160 }, telegram: 'https://t.me/xabar_news' });
  });
});

describe('socialTags', () => {
  const pairs = (tags: ReturnType<typeof socialTags>) => tags.map((t): [string, string] => ['property' in t ? t.property : t.name, t.content]);

  it('writes Open Graph, article and large-image Twitter tags for a story', () => {
    const tags = pairs(
      socialTags({
        siteName: 'Xabar', title: 'Заголовок', description: 'Описание', url: `${SITE}/ru/news/x`, type: 'article', locale: 'ru', alternateLocales: ['ru', 'uz', 'uz-Cyrl', 'en'],
        image: { src: `${SITE}/media/a.jpg`, width: 1200, height: 675, alt: 'Здание' },
        article: { publishedIso: '2025-04-24T14:26:00+05:00', modifiedIso: '2025-04-25T10:00:00+05:00', section: 'В мире', tags: ['ООН', 'Миграция'], authors: [`${SITE}/ru/author/a`] },
      }),
    );
    expect(tags).toEqual([
      ['og:site_name', 'Xabar'], ['og:title', 'Заголовок'], ['og:type', 'article'], ['og:url', `${SITE}/ru/news/x`], ['og:description', 'Описание'],
      ['og:locale', 'ru_RU'], ['og:locale:alternate', 'uz_UZ'], ['og:locale:alternate', 'en_US'],
      ['og:image', `${SITE}/media/a.jpg`], ['og:image:width', '1200'], ['og:image:height', '675'], ['og:image:alt', 'Здание'],
      ['article:published_time', '2025-04-24T14:26:00+05:00'], ['article:modified_time', '2025-04-25T10:00:00+05:00'], ['article:section', 'В мире'],
      ['article:tag', 'ООН'], ['article:tag', 'Миграция'], ['article:author', `${SITE}/ru/author/a`],
      ['twitter:card', 'summary_large_image'], ['twitter:title', 'Заголовок'], ['twitter:description', 'Описание'], ['twitter:image', `${SITE}/media/a.jpg`], ['twitter:image:alt', 'Здание'],
    ]);
  });

  it('names no Uzbek alternate on an Uzbek page (Open Graph has one Uzbek locale) and a summary card without an image', () => {
    const tags = pairs(socialTags({ siteName: 'Хабар', title: 'Хабар', type: 'website', locale: 'uz-Cyrl', alternateLocales: ['uz', 'uz-Cyrl', 'ru'] }));
    expect(tags.filter(([k]) => k.startsWith('og:locale'))).toEqual([['og:locale', 'uz_UZ'], ['og:locale:alternate', 'ru_RU']]);
    expect(tags).toContainEqual(['twitter:card', 'summary']);
    expect(tags.some(([k]) => k.startsWith('og:image') || k.startsWith('article:') || k === 'og:url' || k === 'twitter:image')).toBe(false);
  });
});
