/** Small pieces shared by the public pages. Server-rendered only: no client framework. */
import type { Messages } from '../../i18n/messages/index.js';
import type { Card, FeedPage, ListPosition } from '../site.service.js';
import type { HeroImage } from '../../media/media.service.js';

export function EyeIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M12 5C6.5 5 2.7 9.1 1.5 12c1.2 2.9 5 7 10.5 7s9.3-4.1 10.5-7C21.3 9.1 17.5 5 12 5Zm0 11.5A4.5 4.5 0 1 1 12 7.5a4.5 4.5 0 0 1 0 9Zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z" fill="currentColor" />
    </svg>
  );
}

export function ClockIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Zm1-13h-2v6l5 3 1-1.7-4-2.3V7Z" fill="currentColor" />
    </svg>
  );
}

export function TelegramIcon({ size = 20 }: { size?: number }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path d="M21.9 4.3 18.7 19.4c-.2 1-.9 1.3-1.7.8l-4.9-3.6-2.4 2.3c-.3.3-.5.5-1 .5l.3-5 9.1-8.2c.4-.4-.1-.6-.6-.2L6.3 13 1.5 11.5c-1-.3-1-1 .2-1.5L20.6 2.8c.9-.3 1.6.2 1.3 1.5Z" fill="currentColor" />
    </svg>
  );
}

/**
 * `sizes` of every image slot, from the layout in site.css: the page is at most 1200 px wide with
 * 16 px padding each side; from 1000 px the main column is that minus the 320 px side column and
 * the 32 px gap (816 px at full width); grids have 20 px gaps. A wrong value makes the browser
 * fetch an image far wider (or narrower) than shown: test/e2e/site-look.e2e.test.ts measures it.
 */
export const SIZES = {
  /** The width of the main column: the home page's lead story and the article's hero image. */
  main: '(min-width: 1200px) 816px, (min-width: 1000px) calc(100vw - 384px), calc(100vw - 32px)',
  /** A card in a grid of three in the main column (two on tablets, one on phones). */
  third: '(min-width: 1200px) 259px, (min-width: 1000px) calc((100vw - 424px) / 3), (min-width: 640px) calc(50vw - 26px), calc(100vw - 32px)',
  /** A card in a grid of two in the main column (one on phones). */
  half: '(min-width: 1200px) 398px, (min-width: 1000px) calc(50vw - 202px), (min-width: 640px) calc(50vw - 26px), calc(100vw - 32px)',
  /** A list item's thumbnail (.list-item). */
  thumb: '(min-width: 640px) 240px, 112px',
} as const;

export function Picture({ image, sizes, eager = false, className }: { image: HeroImage; sizes: string; eager?: boolean; className?: string }) {
  return (
    <img
      className={className}
      src={image.src}
      srcSet={image.srcset || undefined}
      sizes={image.srcset ? sizes : undefined}
      width={image.width}
      height={image.height}
      alt={image.alt || image.caption}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      fetchPriority={eager ? 'high' : undefined}
    />
  );
}

export function Meta({ card, t }: { card: Card; t: Messages }) {
  return (
    <div className="meta">
      <time dateTime={card.publishedIso}>{card.published}</time>
      <span className="sep" aria-hidden="true">•</span>
      <span className="reading" title={t.readingTimeLabel}>{t.minutesShort(card.readingMinutes)}</span>
      <span className="views" title={t.viewsLabel}>
        <EyeIcon />
        <span className="visually-hidden">{t.viewsLabel}: </span>
        {card.views}
      </span>
    </div>
  );
}

/**
 * The desk's label for a story: «flash» for IPTC urgency 1, «urgent» for 2 (one label, the
 * stronger one, even when the story is also flagged breaking); otherwise the breaking badge.
 */
export function UrgencyBadge({ card, t, breaking = true }: { card: Pick<Card, 'urgency' | 'isBreaking'>; t: Messages; breaking?: boolean }) {
  if (card.urgency === 1) return <span className="badge badge-flash" data-urgency="1">{t['urgency.flash']}</span>;
  if (card.urgency === 2) return <span className="badge badge-urgent" data-urgency="2">{t['urgency.urgent']}</span>;
  return breaking && card.isBreaking ? <span className="badge">{t.breaking}</span> : null;
}

/** A story teaser. `variant` picks the layout; headlines are h3 inside sections titled by h2. */
export function StoryCard({ card, t, variant = 'tile', headingLevel = 3, sizes }: { card: Card; t: Messages; variant?: 'tile' | 'row' | 'lead'; headingLevel?: 2 | 3; sizes?: string }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className={`card card-${variant}`}>
      {card.image && variant !== 'row' ? (
        <a className="card-media" href={card.href} tabIndex={-1} aria-hidden="true">
          <Picture image={{ ...card.image, alt: '' }} sizes={sizes ?? (variant === 'lead' ? SIZES.main : SIZES.third)} eager={variant === 'lead'} />
        </a>
      ) : null}
      <div className="card-body">
        {card.section ? (
          <a className="kicker" href={card.section.href} style={{ ['--accent' as string]: card.section.color }}>
            {card.section.name}
          </a>
        ) : null}
        <H className="card-title">
          <UrgencyBadge card={card} t={t} />
          <a href={card.href}>{card.headline}</a>
        </H>
        {variant === 'lead' && card.lead ? <p className="card-lead">{card.lead}</p> : null}
        <div className="card-meta">
          <time dateTime={card.publishedIso}>{card.isToday ? card.time : card.published}</time>
          <span className="views">
            <EyeIcon />
            <span className="visually-hidden">{t.viewsLabel}: </span>
            {card.views}
          </span>
        </div>
      </div>
    </article>
  );
}

/** The news feed (лента): time and headline, newest first. */
export function Feed({ cards, t, title, moreHref }: { cards: Card[]; t: Messages; title: string; moreHref: string }) {
  return (
    <section className="feed" aria-labelledby="feed-title">
      <h2 className="block-title" id="feed-title">
        <a href={moreHref}>{title}</a>
      </h2>
      <ol className="feed-list">
        {cards.map((c) => (
          <li key={c.editionId} className={c.isBreaking || c.urgency <= 2 ? 'is-breaking' : undefined}>
            <time dateTime={c.publishedIso}>
              {c.time}
              {c.isToday ? null : <small>{c.day}</small>}
            </time>
            <a href={c.href}><UrgencyBadge card={c} t={t} breaking={false} />{c.headline}</a>
          </li>
        ))}
      </ol>
      <a className="more" href={moreHref}>
        {t.allNews} →
      </a>
    </section>
  );
}

export function MostRead({ day, week, t }: { day: Card[]; week: Card[]; t: Messages }) {
  const list = (cards: Card[]) => (
    <ol className="most-read-list">
      {cards.map((c) => (
        <li key={c.editionId}>
          <a href={c.href}>{c.headline}</a>
          <span className="views">
            <EyeIcon />
            {c.views}
          </span>
        </li>
      ))}
    </ol>
  );
  if (day.length === 0 && week.length === 0) return null;
  return (
    <section className="most-read" aria-labelledby="most-read-title">
      <h2 className="block-title" id="most-read-title">
        {t.mostRead}
      </h2>
      {/* Two native <details> panels instead of scripted tabs: they work without JavaScript. */}
      <details className="period" open>
        <summary>{t.mostRead24h}</summary>
        {list(day)}
      </details>
      <details className="period">
        <summary>{t.mostRead7d}</summary>
        {list(week)}
      </details>
    </section>
  );
}

export function Pagination({ page, pages, href, t }: { page: number; pages: number; href: (p: number) => string; t: Messages }) {
  if (pages <= 1) return null;
  const around = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  around.forEach((p, i) => {
    if (i > 0 && p - around[i - 1]! > 1) items.push('gap');
    items.push(p);
  });
  return (
    <nav className="pagination" aria-label={t.pagination}>
      {page > 1 ? <a rel="prev" href={href(page - 1)}>← {t.prevPage}</a> : <span className="disabled" aria-disabled="true">← {t.prevPage}</span>}
      <ul>
        {items.map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} className="gap">…</li>
          ) : (
            <li key={p}>{p === page ? <span aria-current="page">{p}</span> : <a href={href(p)}>{p}</a>}</li>
          ),
        )}
      </ul>
      {page < pages ? <a rel="next" href={href(page + 1)}>{t.nextPage} →</a> : <span className="disabled" aria-disabled="true">{t.nextPage} →</span>}
    </nav>
  );
}

/**
 * Pagination of a list that is never counted (FeedPage): « newer · 1 … n−1 n n+1 … · older ».
 * There is no last-page number — knowing it would mean counting the archive; past the numbered
 * pages the links carry keyset cursors (docs/decisions/0012-uncounted-list-pagination.md).
 */
export function FeedPagination({ page, href, t }: { page: FeedPage; href: (p: ListPosition) => string; t: Messages }) {
  if (!page.newer && !page.older) return null;
  const n = page.page;
  const nextNumbered = page.older && 'page' in page.older;
  const shown = n === null ? [1] : [...new Set([1, n - 1, n, ...(nextNumbered ? [n + 1] : [])])].filter((p) => p >= 1);
  const items: (number | 'gap')[] = [];
  shown.forEach((p, i) => {
    if (i > 0 && p - shown[i - 1]! > 1) items.push('gap');
    items.push(p);
  });
  // More pages lie beyond the last number shown (older ones, or this cursor page itself).
  if (n === null || page.older) items.push('gap');
  return (
    <nav className="pagination feed-pagination" aria-label={t.pagination}>
      {page.newer ? <a className="step" rel="prev" href={href(page.newer)}>← {t.newerStories}</a> : <span className="step disabled" aria-disabled="true">← {t.newerStories}</span>}
      <ul>
        {items.map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} className="gap" aria-hidden="true">…</li>
          ) : (
            <li key={p}>{p === n ? <span aria-current="page">{p}</span> : <a href={href({ page: p })}>{p}</a>}</li>
          ),
        )}
      </ul>
      {page.older ? <a className="step" rel="next" href={href(page.older)}>{t.olderStories} →</a> : <span className="step disabled" aria-disabled="true">{t.olderStories} →</span>}
    </nav>
  );
}
