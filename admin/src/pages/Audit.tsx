/**
 * The audit log (admin): each entry as a sentence in the UI language — who did what to which
 * story or user, and when — with its details spelled out (old → new headline, the reason for a
 * take-down, the role change), never raw action keys or JSON.
 */
import { Fragment, useState, type ReactNode } from 'react';
import { api } from '../api';
import { ErrorBox, Pagination, Spinner, useLoad } from '../components/ui';
import { UI_LANG_SHORT, isUiLang, useI18n, type I18n, type MessageKey } from '../i18n';
import { Link } from '../router';
import { usePageTitle } from '../title';
import type { AuditEntry, Page } from '../types';

type Dict = Record<string, unknown>;
const obj = (v: unknown): Dict => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** A catalogue key if the catalogue has it (new actions from newer servers fall back to "other"). */
function has(i: I18n, key: string): key is MessageKey {
  return i.t(key as MessageKey) !== key;
}

/** Fills a template whose {slots} are React nodes (a link to the story), keeping the words around them. */
function sentence(template: string, slots: Record<string, ReactNode>): ReactNode {
  const parts = template.split(/\{(\w+)\}/);
  return parts.map((p, n) => (n % 2 ? <Fragment key={n}>{slots[p] ?? `{${p}}`}</Fragment> : p));
}

function translated(i: I18n, prefix: string, v: unknown): string {
  const k = `${prefix}${str(v)}`;
  return has(i, k) ? i.t(k) : str(v);
}

/** What the entry is about: the story (linked, with its language) or the user. */
function subject(e: AuditEntry, i: I18n): { story: ReactNode; target: ReactNode; tag: ReactNode } {
  const d = obj(e.details);
  const id = e.entityId ?? '';
  const headline = e.target?.headline || str(d.headline) || i.t('audit.story', { id: String(id) });
  const locale = e.target?.locale ?? '';
  const story =
    e.entity === 'edition' && e.target?.headline !== null && e.target?.headline !== undefined ? (
      <Link to={`/stories/${id}`}>«{headline}»</Link>
    ) : (
      <span>«{headline}»</span>
    );
  return {
    story: (
      <>
        {story}
        {isUiLang(locale) && <span className="code-chip audit-lang">{UI_LANG_SHORT[locale]}</span>}
      </>
    ),
    target: <strong>{e.target?.name || str(d.email) || i.t('audit.user', { id: String(id) })}</strong>,
    tag: <strong>«{tagName(d, i)}»</strong>,
  };
}

/** A deleted or merged tag by its name in the UI language (or any language it has), else its address. */
function tagName(d: Record<string, unknown>, i: I18n): string {
  const names = obj(d.names);
  const own = names[i.lang === 'uz-Cyrl' ? 'uz-Cyrl' : i.lang] ?? names[i.lang === 'uz-Cyrl' ? 'uz' : i.lang];
  return str(own) || str(Object.values(names).find((v) => typeof v === 'string' && v)) || str(d.slug);
}

/** The details as short readable lines for the actions we know; nothing for the rest. */
function detailLines(e: AuditEntry, i: I18n): string[] {
  const d = obj(e.details);
  const out: string[] = [];
  const before = obj(d.before);
  if (typeof before.headline === 'string' && typeof d.headline === 'string' && before.headline !== d.headline) {
    out.push(i.t('audit.d.headline', { from: before.headline, to: d.headline }));
  }
  if (typeof d.version === 'number') out.push(i.t('audit.d.version', { v: d.version }));
  if (typeof d.sourceId === 'number') out.push(i.t('audit.d.source', { id: d.sourceId }));
  if (typeof d.note === 'string' && d.note) out.push(i.t('audit.d.reason', { text: d.note }));
  if (typeof d.text === 'string' && d.text) out.push(i.t('audit.d.text', { text: d.text }));
  if (e.action === 'story.fields') {
    const fields = Object.keys(obj(d.after)).map((f) => translated(i, 'audit.f.', f));
    if (fields.length) out.push(i.t('audit.d.changed', { fields: fields.join(', ') }));
  }
  if (e.action === 'story.delete' && d.status) out.push(i.t('audit.d.status', { status: translated(i, 'status.', d.status) }));
  if (e.action === 'user.role') out.push(i.t('audit.d.role', { from: translated(i, 'role.', d.from), to: translated(i, 'role.', d.to) }));
  if (e.action === 'user.create' || e.action === 'setup') {
    if (d.email || d.role) out.push(d.email ? i.t('audit.d.newUser', { email: str(d.email), role: translated(i, 'role.', d.role) }) : i.t('audit.d.roleIs', { role: translated(i, 'role.', d.role) }));
  }
  if (e.action === 'story.expiry') out.push(typeof d.after === 'string' ? i.t('audit.d.expiry', { at: i.dateTime(d.after) }) : i.t('audit.d.noExpiry'));
  if (e.action === 'story.urgency') out.push(i.t('audit.d.urgency', { from: str(d.before), to: str(d.after) }));
  if (e.action === 'preview.share' && typeof d.expiresAt === 'number') out.push(i.t('audit.d.expires', { at: i.dateTime(new Date(d.expiresAt).toISOString()) }));
  if ((e.action === 'tag.delete' || e.action === 'tag.merge') && typeof d.stories === 'number') out.push(i.t('audit.d.stories', { count: i.number(d.stories) }));
  if (e.action === 'tag.merge' && d.intoSlug) out.push(i.t('audit.d.into', { tag: str(d.intoSlug) }));
  if (e.action === 'settings.two_factor_roles' && Array.isArray(d.roles)) {
    out.push(i.t('audit.d.roles', { roles: d.roles.length ? d.roles.map((r) => translated(i, 'role.', r)).join(', ') : i.t('audit.d.none') }));
  }
  return out;
}

function Action({ e }: { e: AuditEntry }) {
  const i = useI18n();
  const key = `audit.action.${e.action}`;
  const slots = { ...subject(e, i), action: <code className="code-chip">{e.action}</code> };
  // One element: on phones the cell is a flex row (label, value), and the sentence must stay one value.
  return <span className="audit-sentence">{sentence(has(i, key) ? i.t(key) : i.t('audit.action.other'), slots)}</span>;
}

export function AuditPage() {
  const i = useI18n();
  usePageTitle(i.t('audit.title'));
  const [page, setPage] = useState(1);
  const res = useLoad((signal) => api.get<Page<AuditEntry>>('/audit', { page }, signal), [page]);
  return (
    <div className="page">
      <header className="page-head">
        <h1>{i.t('audit.title')}</h1>
      </header>
      <ErrorBox error={res.error} onRetry={res.reload} />
      {res.loading && !res.data ? (
        <Spinner />
      ) : res.data && res.data.items.length === 0 ? (
        <div className="empty">{i.t('audit.empty')}</div>
      ) : res.data ? (
        <>
          <div className={`table-wrap${res.loading ? ' is-loading' : ''}`}>
            <table className="table table-audit">
              <thead>
                <tr>
                  <th>{i.t('audit.when')}</th>
                  <th>{i.t('audit.who')}</th>
                  <th>{i.t('audit.action')}</th>
                  <th>{i.t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {res.data.items.map((e) => {
                  const lines = detailLines(e, i);
                  return (
                    <tr key={e.id} data-action={e.action}>
                      <td className="nowrap">
                        <time dateTime={e.at}>{i.dateTime(e.at)}</time>
                      </td>
                      <td data-label={i.t('audit.who')}>{e.user?.name ?? <span className="muted">{i.t('audit.system')}</span>}</td>
                      <td data-label={i.t('audit.action')} className="audit-action">
                        <Action e={e} />
                      </td>
                      <td className="muted audit-details" data-label={i.t('audit.details')}>
                        <span>
                          {lines.map((l, n) => (
                            <span key={n} className="audit-line">
                              {l}
                            </span>
                          ))}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination page={res.data.page} pages={res.data.pages} total={res.data.total} onPage={setPage} />
        </>
      ) : null}
    </div>
  );
}
