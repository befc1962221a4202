/**
 * The article page, in the order of the reference page: logo (in the layout), headline, date-time,
 * reading time, views, hero image with caption, dateline + body, Telegram block. Around it: rubric,
 * tags, authors, share links, related stories, the news feed and most-read list.
 */
import { Fragment } from 'react';
import type { Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import type { ArticleModel, Card } from '../site.service.js';
import { urls } from '../urls.js';
import { Breadcrumbs } from './breadcrumbs.js';
import { Feed, Meta, MostRead, Picture, SIZES, StoryCard, TelegramIcon, UrgencyBadge } from './components.js';

export function ArticleView({ a, locale, feed, mostRead, siteUrl }: { a: ArticleModel; locale: Locale; feed: Card[]; mostRead: { mostRead24h: Card[]; mostRead7d: Card[] }; siteUrl: string }) {
  const t = messages(locale);
  const url = encodeURIComponent(siteUrl + a.card.href);
  const text = encodeURIComponent(a.card.headline);
  const shares = [
    { name: 'Telegram', href: `https://t.me/share/url?url=${url}&text=${text}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${text}%20${url}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${url}` },
    { name: 'X', href: `https://x.com/intent/post?url=${url}&text=${text}` },
    { name: 'VK', href: `https://vk.com/share.php?url=${url}` },
  ];
  return (
    <div className="layout-2col">
      <div className="col-main">
        <Breadcrumbs trail={[{ name: t.home, path: urls.home(locale) }, ...(a.card.section ? [{ name: a.card.section.name, path: a.card.section.href }] : [])]} t={t} here={false} />
        <article className="article">
          <header className="article-header">
            {a.card.section ? (
              <a className="kicker" href={a.card.section.href} style={{ ['--accent' as string]: a.card.section.color }}>
                {a.card.section.name}
              </a>
            ) : null}
            {a.card.urgency <= 2 ? <p className="article-urgency"><UrgencyBadge card={a.card} t={t} /></p> : null}
            <h1 className="article-title">{a.card.headline}</h1>
            {a.lead ? <p className="standfirst">{a.lead}</p> : null}
            <Meta card={a.card} t={t} />
            {a.updated ? <p className="updated">{t.updatedLabel}: {a.updated}</p> : null}
          </header>
          {a.card.image ? (
            <figure className="hero">
              <Picture image={a.card.image} sizes={SIZES.main} eager />
              {/* The credit on a line of its own (a real line break, so text without CSS keeps them apart too). */}
              <figcaption>
                {a.card.image.caption}
                {a.card.image.caption && a.card.image.credit ? <br /> : null}
                {a.card.image.credit ? <span className="credit">{t.photoLabel}: {a.card.image.credit}</span> : null}
              </figcaption>
            </figure>
          ) : null}
          <div className="article-body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
          {a.notes.length ? (
            <aside className="notes" aria-label={t.updatedLabel}>
              {a.notes.map((n, i) => (
                <p key={i} className={`note note-${n.kind}`}>
                  <strong>{n.kind === 'correction' ? t.correctionLabel : t.updateLabel}</strong> (<time dateTime={n.iso}>{n.at}</time>): {n.text}
                </p>
              ))}
            </aside>
          ) : null}
          {a.telegramUrl ? (
            <aside className="telegram" aria-labelledby="tg-title">
              <div className="telegram-icon"><TelegramIcon size={28} /></div>
              <div className="telegram-text">
                <p className="telegram-title" id="tg-title">{t.telegramTitle}</p>
                <p>{t.telegramText}</p>
              </div>
              <a className="button telegram-button" href={a.telegramUrl} rel="noopener">
                {t.telegramButton}
              </a>
            </aside>
          ) : null}
          <footer className="article-footer">
            {a.tags.length ? (
              <div className="tags">
                <span className="label">{t.tags}:</span>
                <ul>
                  {a.tags.map((tag) => (
                    <li key={tag.id}><a href={tag.href} rel="tag">#{tag.name}</a></li>
                  ))}
                </ul>
              </div>
            ) : null}
            {a.authors.length ? (
              <p className="byline">
                <span className="label">{a.authors.length > 1 ? t.authors : t.author}:</span>{' '}
                {a.authors.map((au, i) => (
                  <Fragment key={au.id}>
                    {i > 0 ? ', ' : ''}
                    <a href={au.href} rel="author">{au.name}</a>
                  </Fragment>
                ))}
              </p>
            ) : null}
            <div className="share">
              <span className="label">{t.share}:</span>
              <ul>
                {shares.map((s) => (
                  <li key={s.name}><a href={s.href} rel="noopener nofollow" target="_blank">{s.name}</a></li>
                ))}
              </ul>
            </div>
          </footer>
        </article>
        {a.related.length ? (
          <section className="related" aria-labelledby="related-title">
            <h2 className="block-title" id="related-title">{t.related}</h2>
            <div className="grid grid-4">
              {a.related.map((c) => (
                <StoryCard key={c.editionId} card={c} t={t} />
              ))}
            </div>
          </section>
        ) : null}
      </div>
      <aside className="col-side">
        <Feed cards={feed} t={t} title={t.newsFeed} moreHref={urls.news(locale)} />
        <MostRead day={mostRead.mostRead24h} week={mostRead.mostRead7d} t={t} />
      </aside>
    </div>
  );
}
