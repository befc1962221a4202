/** Sections, tags and bylines (editor+). */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { MediaPicker, rememberMedia, useMediaByIds } from '../components/media';
import { Dialog, ErrorBox, Field, Icon, Spinner, useFormAction, useFormErrors, useLoad, FormFooter } from '../components/ui';
import { ListTable } from '../components/list-table';
import { authorsCache, sectionsCache, useAuthors, useSections } from '../data';
import { useI18n } from '../i18n';
import { useLocation, navigate } from '../router';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import { LOCALES, LOCALE_NAMES, pickName, type Author, type Media, type Names, type Section, type Tag } from '../types';
import { toCyrillic, toLatin } from '../../../src/i18n/translit';
import { DeleteTagDialog, MergeTagDialog } from './TagActions';

/**
 * What the site shows for an Uzbek name left empty: the other script's name transliterated (the
 * server derives it the same way, src/content/derived-names.ts). Null when nothing is derived.
 */
function derivedName(value: Names, l: (typeof LOCALES)[number]): string | null {
  if (value[l]?.trim()) return null;
  if (l === 'uz-Cyrl' && value.uz?.trim()) return toCyrillic(value.uz.trim());
  if (l === 'uz' && value['uz-Cyrl']?.trim()) return toLatin(value['uz-Cyrl'].trim());
  return null;
}

type TabKey = 'sections' | 'tags' | 'authors';

export function TaxonomyPage() {
  const i = useI18n();
  usePageTitle(i.t('tax.title'));
  const loc = useLocation();
  const tab = (loc.search.get('tab') as TabKey) || 'sections';
  const tabs: TabKey[] = ['sections', 'tags', 'authors'];
  return (
    <div className="page">
      <header className="page-head">
        <h1>{i.t('tax.title')}</h1>
      </header>
      <div className="tabs tabs-page" role="tablist">
        {tabs.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={`tab${tab === t ? ' active' : ''}`} onClick={() => navigate(`/taxonomy?tab=${t}`, { replace: true })}>
            {i.t(`tax.${t}`)}
          </button>
        ))}
      </div>
      {tab === 'sections' && <SectionsTab />}
      {tab === 'tags' && <TagsTab />}
      {tab === 'authors' && <AuthorsTab />}
    </div>
  );
}

function NamesFields({ value, onChange, errs, prefix, multiline }: { value: Names; onChange(v: Names): void; errs: ReturnType<typeof useFormErrors>; prefix: string; multiline?: boolean }) {
  const i = useI18n();
  return (
    <div className="locale-grid">
      {LOCALES.map((l) => (
        <Field key={l} label={LOCALE_NAMES[l]} error={errs.of(`${prefix}.${l}`)} hint={derivedName(value, l) ? i.t('fix.derivedName', { name: derivedName(value, l)! }) : undefined}>
          {multiline ? (
            <textarea className="input" rows={2} value={value[l] ?? ''} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
          ) : (
            <input className="input" value={value[l] ?? ''} onChange={(e) => onChange({ ...value, [l]: e.target.value })} name={`${prefix}.${l}`} />
          )}
        </Field>
      ))}
    </div>
  );
}

/** An empty Uzbek name in a table: what the site shows instead (muted, with the explanation), else a dash. */
function DerivedOrDash({ names, l }: { names: Names; l: (typeof LOCALES)[number] }) {
  const i = useI18n();
  const derived = derivedName(names, l);
  return derived ? (
    <span className="muted" title={i.t('fix.derivedName', { name: derived })}>
      <i>{derived}</i>
    </span>
  ) : (
    <span className="muted">—</span>
  );
}

/* ---------- sections ---------- */

function SectionsTab() {
  const i = useI18n();
  const sections = useSections();
  const [editing, setEditing] = useState<Section | 'new' | null>(null);
  return (
    <>
      <div className="toolbar-row">
        <button type="button" className="btn btn-primary btn-small" onClick={() => setEditing('new')}>
          <Icon name="plus" size={15} /> {i.t('tax.newSection')}
        </button>
      </div>
      <ListTable
        columns={
          <>
            <th>#</th>
            <th>{i.t('tax.name')}</th>
            <th>{i.t('tax.slug')}</th>
            {LOCALES.filter((l) => l !== 'ru').map((l) => (
              <th key={l}>{LOCALE_NAMES[l]}</th>
            ))}
          </>
        }
      >
        {sections.map((s) => (
          <tr key={s.id}>
            <td className="muted">{s.position}</td>
            <td>
              <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> <strong>{pickName(s.names, i.lang, s.slug)}</strong>
            </td>
            <td className="mono">{s.slug}</td>
            {LOCALES.filter((l) => l !== 'ru').map((l) => (
              <td key={l} data-label={LOCALE_NAMES[l]}>
                {s.names[l] || <DerivedOrDash names={s.names} l={l} />}
              </td>
            ))}
            <td className="actions">
              <button type="button" className="btn btn-small" onClick={() => setEditing(s)}>
                {i.t('common.edit')}
              </button>
            </td>
          </tr>
        ))}
      </ListTable>
      <SectionDialog value={editing} onClose={() => setEditing(null)} nextPosition={sections.reduce((m, s) => Math.max(m, s.position), 0) + 1} />
    </>
  );
}

function SectionDialog({ value, onClose, nextPosition }: { value: Section | 'new' | null; onClose(): void; nextPosition: number }) {
  const i = useI18n();
  const [slug, setSlug] = useState('');
  const [color, setColor] = useState('#1f6feb');
  const [position, setPosition] = useState(1);
  const [names, setNames] = useState<Names>({});
  const { busy, errs, run } = useFormAction();
  useEffect(() => {
    if (!value) return;
    errs.clear();
    if (value === 'new') {
      setSlug('');
      setColor('#1f6feb');
      setPosition(nextPosition);
      setNames({});
    } else {
      setSlug(value.slug);
      setColor(value.color || '#1f6feb');
      setPosition(value.position);
      setNames(value.names);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = { slug: slug.trim(), color, position, names };
      if (value === 'new') await api.post<Section>('/sections', body);
      else if (value) await api.patch<Section>(`/sections/${value.id}`, body);
      await sectionsCache.invalidate();
      notify(i.t('common.savedToast'), 'success');
      onClose();
    });
  };
  return (
    <Dialog
      open={!!value}
      onClose={onClose}
      wide
      title={value === 'new' ? i.t('tax.newSection') : i.t('tax.editSection')}
      footer={<FormFooter form="section-form" submitLabel={i.t('common.save')} onCancel={onClose} disabled={busy} />}
    >
      <form id="section-form" onSubmit={submit}>
        <div className="row-3">
          <Field label={i.t('tax.slug')} error={errs.of('slug')}>
            <input className="input mono" value={slug} onChange={(e) => setSlug(e.target.value)} spellCheck={false} name="slug" />
          </Field>
          <Field label={i.t('tax.color')} error={errs.of('color')}>
            <input className="input input-color" type="color" value={color} onChange={(e) => setColor(e.target.value)} />
          </Field>
          <Field label={i.t('tax.position')} error={errs.of('position')}>
            <input className="input" type="number" min={0} value={position} onChange={(e) => setPosition(Number(e.target.value))} />
          </Field>
        </div>
        <h3 className="subhead">{i.t('tax.names')}</h3>
        {errs.of('names') && <div className="field-error">{errs.of('names')}</div>}
        <NamesFields value={names} onChange={setNames} errs={errs} prefix="names" />
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}

/* ---------- tags ---------- */

function TagsTab() {
  const i = useI18n();
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const [editing, setEditing] = useState<Tag | null>(null);
  const [merging, setMerging] = useState<Tag | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const [newName, setNewName] = useState('');
  const [newLocale, setNewLocale] = useState<string>(i.lang);
  const errs = useFormErrors();
  useEffect(() => {
    const t = window.setTimeout(() => setTerm(q.trim()), 250);
    return () => window.clearTimeout(t);
  }, [q]);
  const list = useLoad((signal) => api.get<{ items: Tag[] }>('/tags', { q: term }, signal), [term]);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!newName.trim()) return;
    errs.clear();
    try {
      const t = await api.post<Tag>('/tags', { name: newName.trim(), locale: newLocale });
      setNewName('');
      notify(i.t('tax.tagCreated', { name: pickName(t.names, newLocale, t.slug) }), 'success');
      list.reload();
    } catch (err) {
      errs.set(err);
    }
  };
  return (
    <>
      <div className="toolbar-row">
        <label className="filter filter-search">
          <span className="sr-only">{i.t('tax.searchTags')}</span>
          <Icon name="search" size={16} />
          <input className="input" type="search" value={q} placeholder={i.t('tax.searchTags')} onChange={(e) => setQ(e.target.value)} />
        </label>
        <form className="inline-form" onSubmit={create}>
          <input className="input" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder={i.t('tax.newTag')} aria-label={i.t('tax.newTag')} />
          <select className="input input-compact" value={newLocale} onChange={(e) => setNewLocale(e.target.value)} aria-label={i.t('stories.locale')}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-small" disabled={!newName.trim()}>
            {i.t('common.add')}
          </button>
        </form>
      </div>
      {(errs.of('name') || errs.general) && <ErrorBox error={errs.of('name') ?? errs.general} />}
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? (
        <Spinner />
      ) : list.data && list.data.items.length === 0 ? (
        <div className="empty">{i.t('tax.noTags')}</div>
      ) : (
        <ListTable
          columns={
            <>
              <th>{i.t('tax.slug')}</th>
              {LOCALES.map((l) => (
                <th key={l}>{LOCALE_NAMES[l]}</th>
              ))}
            </>
          }
          after={list.data && list.data.items.length >= 20 && <p className="muted small">{i.t('tax.tagsMore')}</p>}
        >
          {list.data?.items.map((t) => (
            <tr key={t.id}>
              <td className="mono">{t.slug}</td>
              {LOCALES.map((l) => (
                <td key={l} data-label={LOCALE_NAMES[l]}>
                  {t.names[l] || <DerivedOrDash names={t.names} l={l} />}
                </td>
              ))}
              <td className="actions">
                <button type="button" className="btn btn-small" onClick={() => setEditing(t)}>
                  {i.t('common.edit')}
                </button>
                <button type="button" className="btn btn-small" onClick={() => setMerging(t)}>
                  {i.t('taxonomy.merge')}
                </button>
                <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setDeleting(t)}>
                  {i.t('common.delete')}
                </button>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <TagDialog tag={editing} onClose={() => setEditing(null)} onSaved={list.reload} />
      <MergeTagDialog tag={merging} onClose={() => setMerging(null)} onDone={list.reload} />
      <DeleteTagDialog tag={deleting} onClose={() => setDeleting(null)} onDone={list.reload} />
    </>
  );
}

function TagDialog({ tag, onClose, onSaved }: { tag: Tag | null; onClose(): void; onSaved(): void }) {
  const i = useI18n();
  const [names, setNames] = useState<Names>({});
  const [slug, setSlug] = useState('');
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  useEffect(() => {
    if (tag) {
      setNames(tag.names);
      setSlug(tag.slug);
      errs.clear();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tag]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!tag) return;
    setBusy(true);
    try {
      await api.patch<Tag>(`/tags/${tag.id}`, { names, slug: slug.trim() || undefined });
      notify(i.t('common.savedToast'), 'success');
      onSaved();
      onClose();
    } catch (err) {
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={!!tag}
      onClose={onClose}
      title={i.t('tax.editTag')}
      wide
      footer={<FormFooter form="tag-form" submitLabel={i.t('common.save')} onCancel={onClose} disabled={busy} />}
    >
      <form id="tag-form" onSubmit={submit}>
        <Field label={i.t('tax.slug')} error={errs.of('slug')}>
          <input className="input mono" value={slug} onChange={(e) => setSlug(e.target.value)} spellCheck={false} name="slug" />
        </Field>
        {errs.of('names') && <div className="field-error">{errs.of('names')}</div>}
        <NamesFields value={names} onChange={setNames} errs={errs} prefix="names" />
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
  );
}

/* ---------- authors ---------- */

/**
 * An author's photo as a round thumbnail, or their initials while there is none (or it is still
 * being looked up, or was deleted from the library).
 */
function AuthorAvatar({ media, name, size }: { media: Media | null | undefined; name: string; size: number }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toLocaleUpperCase())
    .join('');
  return media ? (
    <img className="avatar-photo" src={media.thumb || media.src} alt="" width={size} height={size} style={{ width: size, height: size }} data-media-id={media.id} />
  ) : (
    <span className="avatar-photo avatar-initials" aria-hidden="true" style={{ width: size, height: size, fontSize: Math.round(size * 0.38) }}>
      {initials}
    </span>
  );
}

function AuthorsTab() {
  const i = useI18n();
  const authors = useAuthors();
  const photos = useMediaByIds(authors.map((a) => a.photoMediaId));
  const [editing, setEditing] = useState<Author | 'new' | null>(null);
  return (
    <>
      <div className="toolbar-row">
        <button type="button" className="btn btn-primary btn-small" onClick={() => setEditing('new')}>
          <Icon name="plus" size={15} /> {i.t('tax.newAuthor')}
        </button>
      </div>
      {authors.length === 0 ? (
        <div className="empty">{i.t('tax.noAuthors')}</div>
      ) : (
        <ListTable
          columns={
            <>
              <th>{i.t('tax.name')}</th>
              <th>{i.t('tax.slug')}</th>
              <th>{i.t('tax.bio')}</th>
            </>
          }
        >
          {authors.map((a) => (
            <tr key={a.id} data-author={a.id}>
              <td>
                <div className="author-cell">
                  <AuthorAvatar media={photos.get(a.photoMediaId)} name={pickName(a.names, i.lang, a.slug)} size={36} />
                  <div>
                    <strong>{pickName(a.names, i.lang, a.slug)}</strong>
                    <div className="muted small">
                      {LOCALES.filter((l) => a.names[l] && a.names[l] !== pickName(a.names, i.lang))
                        .map((l) => a.names[l])
                        .join(' · ')}
                    </div>
                  </div>
                </div>
              </td>
              <td className="mono">{a.slug}</td>
              <td className="muted">
                {/* Clamped inside the cell: a cell that is itself a -webkit-box loses its table borders. */}
                <div className="clamp-2">{pickName(a.bio, i.lang, '—')}</div>
              </td>
              <td className="actions">
                <button type="button" className="btn btn-small" onClick={() => setEditing(a)}>
                  {i.t('common.edit')}
                </button>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <AuthorDialog value={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function AuthorDialog({ value, onClose }: { value: Author | 'new' | null; onClose(): void }) {
  const i = useI18n();
  const [slug, setSlug] = useState('');
  const [names, setNames] = useState<Names>({});
  const [bio, setBio] = useState<Names>({});
  const [photoId, setPhotoId] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const { busy, errs, run } = useFormAction();
  const photos = useMediaByIds([photoId]);
  const photo = photos.get(photoId);
  useEffect(() => {
    if (!value) return;
    errs.clear();
    if (value === 'new') {
      setSlug('');
      setNames({});
      setBio({});
      setPhotoId(null);
    } else {
      setSlug(value.slug);
      setNames(value.names);
      setBio(value.bio ?? {});
      setPhotoId(value.photoMediaId ?? null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = { slug: slug.trim() || undefined, names, bio, photoMediaId: photoId };
      if (value === 'new') await api.post<Author>('/authors', body);
      else if (value) await api.patch<Author>(`/authors/${value.id}`, body);
      await authorsCache.invalidate();
      notify(i.t('common.savedToast'), 'success');
      onClose();
    });
  };
  const displayName = pickName(names, i.lang, slug);
  return (
    <>
    <Dialog
      open={!!value}
      onClose={onClose}
      wide
      title={value === 'new' ? i.t('tax.newAuthor') : i.t('tax.editAuthor')}
      footer={<FormFooter form="author-form" submitLabel={i.t('common.save')} onCancel={onClose} disabled={busy} />}
    >
      <form id="author-form" onSubmit={submit}>
        <div className="author-head">
          <div className={`photo-field${errs.of('photoMediaId') ? ' has-error' : ''}`} data-photo={photoId ?? 'none'}>
            <span className="field-label">{i.t('tax.photo')}</span>
            <div className="photo-field-row">
              {photoId !== null && photo === undefined ? (
                <span className="avatar-photo avatar-initials" style={{ width: 72, height: 72 }} aria-hidden="true" />
              ) : (
                <AuthorAvatar media={photo} name={displayName} size={72} />
              )}
              <div className="photo-field-side">
                <div className="btn-row">
                  <button type="button" className="btn btn-small" onClick={() => setPicking(true)}>
                    <Icon name="image" size={15} /> {photoId !== null ? i.t('tax.photoChange') : i.t('tax.photoChoose')}
                  </button>
                  {photoId !== null && (
                    <button type="button" className="btn btn-small btn-ghost" onClick={() => setPhotoId(null)}>
                      {i.t('tax.photoRemove')}
                    </button>
                  )}
                </div>
                {photoId !== null && photo === null ? (
                  <div className="field-hint warn-text">{i.t('tax.photoMissing')}</div>
                ) : (
                  <div className="field-hint">{photoId === null ? `${i.t('tax.photoNone')}. ${i.t('tax.photoHint')}` : i.t('tax.photoHint')}</div>
                )}
                {errs.of('photoMediaId') && (
                  <div className="field-error" role="alert">
                    {errs.of('photoMediaId')}
                  </div>
                )}
              </div>
            </div>
          </div>
          <Field label={i.t('tax.slug')} error={errs.of('slug')} hint={i.t('tax.slugAuto')} className="author-slug">
            <input className="input mono" value={slug} onChange={(e) => setSlug(e.target.value)} spellCheck={false} />
          </Field>
        </div>
        <h3 className="subhead">{i.t('tax.names')}</h3>
        {errs.of('names') && <div className="field-error">{errs.of('names')}</div>}
        <NamesFields value={names} onChange={setNames} errs={errs} prefix="names" />
        <h3 className="subhead">{i.t('tax.bio')}</h3>
        <NamesFields value={bio} onChange={setBio} errs={errs} prefix="bio" multiline />
        <ErrorBox error={errs.general} />
      </form>
    </Dialog>
    {/* A sibling of the author dialog (not inside its form): opens on top of it. */}
    <MediaPicker
      open={picking}
      locale={i.lang}
      title={i.t('tax.photoChoose')}
      confirmLabel={i.t('media.use')}
      onClose={() => setPicking(false)}
      onPick={(m) => {
        rememberMedia([m]);
        setPhotoId(m.id);
        setPicking(false);
      }}
    />
    </>
  );
}
