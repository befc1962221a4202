/** Home, list (feed, section, tag, author, search) and error pages. */
import type { Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import type { Card, FeedPage, ListPosition, Page } from '../site.service.js';
import type { HeroImage } from '../../media/media.service.js';
import { urls } from '../urls.js';
import { Feed, FeedPagination, MostRead, Pagination, SIZES, StoryCard, UrgencyBadge } from './components.js';
import type { ReactElement } from 'react';
import type { Snippet } from '../../search/snippet.js';
import type { Crumb } from '../structured-data.js';
import { Breadcrumbs } from './breadcrumbs.js';

type MostReadLists = { mostRead24h: Card[]; mostRead7d: Card[] };

export interface HomeModel extends MostReadLists {
  main: Card | null;
  top: Card[];
  feed: Card[];
  sections: { section: { name: string; href: string; color: string; slug: string }; cards: Card[] }[];
}

export function HomeView({ locale, m, siteName }: { locale: Locale; m: HomeModel; siteName: string }) {
  const t = messages(locale);
  return (
    <>
      <h1 className="visually-hidden">{siteName}</h1>
      <div className="layout-2col home-top">
        <div className="col-main">
          {m.main ? (
            <section aria-label={t.mainStory} className="main-story">
              <StoryCard card={m.main} t={t} variant="lead" headingLevel={2} />
            </section>
          ) : (
            <p className="empty">{t.emptyList}</p>
          )}
          {m.top.length ? (
            <div className="grid grid-2 top-grid">
              {m.top.map((c) => (
                <StoryCard key={c.editionId} card={c} t={t} sizes={SIZES.half} />
              ))}
            </div>
          ) : null}
        </div>
        <aside className="col-side" aria-label={t.newsFeed}>
          <Feed cards={m.feed} t={t} title={t.newsFeed} moreHref={urls.news(locale)} />
        </aside>
      </div>
      <div className="layout-2col">
        <div className="col-main">
          {m.sections.map(({ section, cards }) => (
            <section key={section.slug} className="section-block" aria-labelledby={`sec-${section.slug}`} style={{ ['--accent' as string]: section.color }}>
              <h2 className="block-title" id={`sec-${section.slug}`}>
                <a href={section.href}>{section.name}</a>
              </h2>
              <div className="grid grid-4">
                {cards.map((c) => (
                  <StoryCard key={c.editionId} card={c} t={t} />
                ))}
              </div>
            </section>
          ))}
        </div>
        <aside className="col-side" aria-label={t.mostRead}>
          <MostRead day={m.mostRead24h} week={m.mostRead7d} t={t} />
        </aside>
      </div>
    </>
  );
}

export function ListView({
  locale, title, intro, photo, page, pageHref, positionHref, mostRead, query, searchForm, notice, snippets, trail, headerExtra, emptyText,
}: {
  locale: Locale;
  title: string;
  intro?: string;
  photo?: HeroImage | null;
  /** A counted page (search) or an uncounted one (feed, section, tag, author lists). */
  page: Page<Card> | FeedPage | null;
  pageHref?: (p: number) => string;
  positionHref?: (p: ListPosition) => string;
  mostRead: MostReadLists;
  query?: string;
  /** The search page's own form (with filters) in place of the plain one. */
  searchForm?: ReactElement;
  /** A message above the results (a fallback used, a filter refused). */
  notice?: string;
  /** Search results: the text around the matched words, shown instead of the lead. */
  snippets?: Map<number, Snippet>;
  /** Breadcrumbs above the title (section pages). */
  trail?: Crumb[];
  /** Shown under the title (the date archive's calendar). */
  headerExtra?: ReactElement;
  /** What an empty list says instead of the generic sentence. */
  emptyText?: string;
}) {
  const t = messages(locale);
  return (
    <div className="layout-2col">
      <div className="col-main">
        {trail ? <Breadcrumbs trail={trail} t={t} /> : null}
        <header className={photo ? 'list-header with-photo' : 'list-header'}>
          {photo ? <img className="author-photo" src={photo.src} srcSet={photo.srcset || undefined} sizes="96px" width={96} height={96} alt="" /> : null}
          <h1>{title}</h1>
          {intro ? <p className="intro">{intro}</p> : null}
          {searchForm ?? (query !== undefined ? (
            <form className="search-big" role="search" aria-label={t.searchPlaceholder} action={urls.search(locale)} method="get">
              <label className="visually-hidden" htmlFor="q2">{t.search}</label>
              <input id="q2" name="q" type="search" defaultValue={query} maxLength={200} placeholder={t.searchPlaceholder} />
              <button type="submit">{t.search}</button>
            </form>
          ) : null)}
          {notice ? <p className="search-notice" role="status">{notice}</p> : null}
          {headerExtra ?? null}
        </header>
        {page && page.items.length ? (
          <ol className="story-list">
            {page.items.map((c) => (
              <li key={c.editionId}>
                <article className="list-item">
                  {c.image ? (
                    <a className="list-media" href={c.href} tabIndex={-1} aria-hidden="true">
                      <img src={c.image.src} srcSet={c.image.srcset || undefined} sizes={SIZES.thumb} width={c.image.width} height={c.image.height} alt="" loading="lazy" decoding="async" />
                    </a>
                  ) : null}
                  <div>
                    {c.section ? <a className="kicker" href={c.section.href} style={{ ['--accent' as string]: c.section.color }}>{c.section.name}</a> : null}
                    <h2 className="card-title">
                      <UrgencyBadge card={c} t={t} />
                      <a href={c.href}>{c.headline}</a>
                    </h2>
                    {snippets?.get(c.editionId)?.length ? (
                      <p className="card-lead snippet">{snippets.get(c.editionId)!.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</p>
                    ) : c.lead ? <p className="card-lead">{c.lead}</p> : null}
                    <div className="card-meta">
                      <time dateTime={c.publishedIso}>{c.published}</time>
                      <span>{t.minutesShort(c.readingMinutes)}</span>
                    </div>
                  </div>
                </article>
              </li>
            ))}
          </ol>
        ) : (
          <p className="empty">{emptyText ?? (query === '' ? t.searchEmpty : query !== undefined ? t.nothingFound : t.emptyList)}</p>
        )}
        {page && 'pages' in page && pageHref ? <Pagination page={page.page} pages={page.pages} href={pageHref} t={t} /> : null}
        {page && !('pages' in page) && positionHref ? <FeedPagination page={page} href={positionHref} t={t} /> : null}
      </div>
      <aside className="col-side" aria-label={t.mostRead}>
        <MostRead day={mostRead.mostRead24h} week={mostRead.mostRead7d} t={t} />
      </aside>
    </div>
  );
}

export function ErrorView({ locale, status, message }: { locale: Locale; status: 404 | 400 | 429; message?: string }) {
  const t = messages(locale);
  return (
    <section className="error-page">
      <p className="error-code">{status}</p>
      <h1>{status === 404 ? t.notFoundTitle : status === 429 ? t.tooManyTitle : t.badRequestTitle}</h1>
      <p>{message ?? t.notFoundText}</p>
      <form className="search-big" role="search" aria-label={t.searchPlaceholder} action={urls.search(locale)} method="get">
        <label className="visually-hidden" htmlFor="q3">{t.search}</label>
        <input id="q3" name="q" type="search" maxLength={200} placeholder={t.searchPlaceholder} />
        <button type="submit">{t.search}</button>
      </form>
      <p><a className="button" href={urls.home(locale)}>{t.backHome}</a></p>
    </section>
  );
}

/** A static page (src/pages/): its title and its body, rendered and sanitised when it was saved. */
export function StaticPageView({ title, bodyHtml }: { title: string; bodyHtml: string }) {
  return (
    <article className="static-page">
      <h1>{title}</h1>
      <div className="article-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
    </article>
  );
}
