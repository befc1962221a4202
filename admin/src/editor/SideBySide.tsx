/**
 * The source pane of the side-by-side translation view: another edition of the same story shown
 * read-only (headline, lead, body) next to the edition being edited. The body is rendered from
 * the stored Tiptap JSON by a small React renderer (no HTML strings, so nothing to sanitise),
 * with the same `prose` styles as the editor so the two panes read alike.
 */
import { Fragment, type ReactNode } from 'react';
import { api } from '../api';
import { ErrorBox, Icon, Spinner, StatusBadge, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { LOCALES, LOCALE_TAGS, type DocNode, type Edition, type Locale, type Sibling } from '../types';
import { LocaleChip, localeLabel } from '../components/locale';

/** The edition a translator most likely works from: the story's first (oldest) other edition. */
export function defaultSource(ed: Edition): number | null {
  const ids = ed.siblings.map((s) => s.editionId).sort((a, b) => a - b);
  return ids[0] ?? null;
}

export function SourcePane({ ed, sourceId, onSource, onClose }: { ed: Edition; sourceId: number; onSource(id: number): void; onClose(): void }) {
  const i = useI18n();
  const res = useLoad((signal) => api.get<Edition>(`/editions/${sourceId}`, undefined, signal), [sourceId]);
  const src = res.data && res.data.id === sourceId ? res.data : null;
  const order = (s: Sibling) => LOCALES.indexOf(s.locale);
  const options = [...ed.siblings].sort((a, b) => order(a) - order(b));
  const lang = src ? LOCALE_TAGS[src.locale as Locale] ?? src.locale : undefined;
  return (
    <section className="source-pane" aria-label={i.t('sbs.source')} data-source-id={sourceId}>
      <header className="source-head">
        <label className="source-pick">
          <span className="source-title">{i.t('sbs.source')}</span>
          <select className="input input-compact" value={sourceId} onChange={(e) => onSource(Number(e.target.value))} aria-label={i.t('sbs.sourcePick')}>
            {options.map((s) => (
              <option key={s.editionId} value={s.editionId}>
                {localeLabel(s.locale, i)}
              </option>
            ))}
          </select>
        </label>
        {src && <StatusBadge status={src.status} />}
        <span className="source-ro muted">{i.t('sbs.readonly')}</span>
        <span className="source-tools">
          <button type="button" className="icon-btn" title={i.t('sbs.reload')} aria-label={i.t('sbs.reload')} onClick={res.reload}>
            <Icon name="sync" size={16} />
          </button>
          <Link to={`/stories/${sourceId}`} className="icon-btn" title={i.t('sbs.openSource')} aria-label={i.t('sbs.openSource')}>
            <Icon name="external" size={16} />
          </Link>
          <button type="button" className="icon-btn" title={i.t('ed.sideBySideClose')} aria-label={i.t('ed.sideBySideClose')} onClick={onClose}>
            <Icon name="x" size={16} />
          </button>
        </span>
      </header>
      <div className="source-body">
        <ErrorBox error={res.error} onRetry={res.reload} />
        {!src && !res.error ? (
          <Spinner />
        ) : src ? (
          <article lang={lang} data-locale={src.locale}>
            <div className="source-label">
              <LocaleChip locale={src.locale} /> {i.t('editor.headline')}
            </div>
            <h2 className="source-headline">{src.headline || <span className="muted">{i.t('stories.untitled')}</span>}</h2>
            {src.lead && (
              <>
                <div className="source-label">{i.t('editor.lead')}</div>
                <p className="source-lead">{src.lead}</p>
              </>
            )}
            <div className="source-label">{i.t('editor.body')}</div>
            {src.body?.content?.length ? <DocView nodes={src.body.content} /> : <p className="muted">{i.t('sbs.emptyText')}</p>}
          </article>
        ) : null}
      </div>
    </section>
  );
}

/** Renders a stored body document (the node set of docs/newsroom-api.md) as read-only HTML. */
export function DocView({ nodes }: { nodes: DocNode[] }) {
  return <div className="prose source-prose">{nodes.map((n, k) => renderNode(n, k))}</div>;
}

const SAFE_HREF = /^(https?:|mailto:|\/|#)/i;

function renderMarks(text: ReactNode, marks: DocNode['marks'], key: number): ReactNode {
  let out = text;
  for (const m of marks ?? []) {
    if (m.type === 'bold') out = <strong>{out}</strong>;
    else if (m.type === 'italic') out = <em>{out}</em>;
    else if (m.type === 'strike') out = <s>{out}</s>;
    else if (m.type === 'link') {
      const href = String(m.attrs?.href ?? '');
      out = SAFE_HREF.test(href) ? <a href={href} target="_blank" rel="noopener noreferrer">{out}</a> : out;
    }
  }
  return <Fragment key={key}>{out}</Fragment>;
}

function kids(n: DocNode): ReactNode[] {
  return (n.content ?? []).map((c, k) => renderNode(c, k));
}

function renderNode(n: DocNode, key: number): ReactNode {
  const a = n.attrs ?? {};
  switch (n.type) {
    case 'text':
      return renderMarks(n.text ?? '', n.marks, key);
    case 'paragraph':
      return <p key={key}>{kids(n)}</p>;
    case 'heading': {
      const level = Math.min(4, Math.max(2, Number(a.level) || 2));
      const H = `h${level}` as 'h2' | 'h3' | 'h4';
      return <H key={key}>{kids(n)}</H>;
    }
    case 'bulletList':
      return <ul key={key}>{kids(n)}</ul>;
    case 'orderedList':
      return <ol key={key}>{kids(n)}</ol>;
    case 'listItem':
      return <li key={key}>{kids(n)}</li>;
    case 'blockquote':
      return <blockquote key={key}>{kids(n)}</blockquote>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'hardBreak':
      return <br key={key} />;
    case 'image':
      return (
        <figure key={key} className="figure-node source-figure">
          <img src={String(a.src ?? '')} alt={String(a.alt ?? '')} loading="lazy" />
          {a.caption ? <figcaption>{String(a.caption)}</figcaption> : null}
        </figure>
      );
    case 'table':
      return (
        <div key={key} className="tableWrapper">
          <table>
            <tbody>{kids(n)}</tbody>
          </table>
        </div>
      );
    case 'tableRow':
      return <tr key={key}>{kids(n)}</tr>;
    case 'tableHeader':
      return <th key={key}>{kids(n)}</th>;
    case 'tableCell':
      return <td key={key}>{kids(n)}</td>;
    case 'embed': {
      const url = String(a.url ?? '');
      const provider = String(a.provider ?? '');
      return (
        <div key={key} className={`embed-node embed-${provider}`}>
          <span className={`embed-badge embed-badge-${provider}`}>{provider === 'x' ? 'X' : provider}</span>
          <a href={SAFE_HREF.test(url) ? url : undefined} target="_blank" rel="noopener noreferrer" className="embed-url">
            {url}
          </a>
        </div>
      );
    }
    default:
      return <Fragment key={key}>{kids(n)}</Fragment>;
  }
}
