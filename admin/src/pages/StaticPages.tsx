/**
 * Static pages (editors): the list with footer links, a new-page form, and the page editor — the
 * story editor's Tiptap schema and toolbar, a title, an address, draft/published, saves that send
 * the version they loaded (409 when someone saved first) and the revisions to bring back.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useEditor, EditorContent } from '@tiptap/react';
import { api, ApiError } from '../api';
import { ErrorBox, Field, Spinner, useFormErrors, useLoad } from '../components/ui';
import { LocaleChip } from '../components/locale';
import { MediaPicker, mediaText } from '../components/media';
import { buildExtensions } from '../editor/extensions';
import { Toolbar } from '../editor/Toolbar';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import { LOCALES, type Locale } from '../types';

interface PageItem {
  id: number;
  locale: string;
  slug: string;
  title: string;
  status: 'draft' | 'published';
  groupId: number | null;
  version: number;
  href: string;
  inFooter: boolean;
  updatedAt: string;
}
interface PageFull extends PageItem {
  body: { type: 'doc'; content: unknown[] };
  revisions?: { id: number; version: number; savedAt: string; title: string; savedBy: string | null }[];
}

export function StaticPagesPage() {
  const i = useI18n();
  usePageTitle(i.t('pages.title'));
  const res = useLoad((signal) => api.get<{ items: PageItem[]; footer: number[] }>('/pages', undefined, signal), []);
  const [title, setTitle] = useState('');
  const [locale, setLocale] = useState<Locale>('ru');
  const [busy, setBusy] = useState(false);
  // The footer box shows the click at once; the saved list replaces it when the server answers.
  const [shown, setShown] = useState<Record<number, boolean>>({});
  useEffect(() => setShown({}), [res.data]);
  const errs = useFormErrors();
  if (res.error && !res.data) return <div className="page"><ErrorBox error={res.error} onRetry={res.reload} /></div>;
  if (!res.data) return <Spinner />;
  const footer = res.data.footer;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errs.clear();
    try {
      const p = await api.post<PageFull>('/pages', { locale, title, status: 'draft' });
      navigate(`/pages/${p.id}`);
    } catch (err) {
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };

  const setFooter = async (ids: number[]) => {
    try {
      await api.put('/pages-footer', { ids });
      res.reload();
    } catch (err) {
      setShown({});
      errs.set(err);
    }
  };
  const inFooter = (p: PageItem) => shown[p.id] ?? p.inFooter;
  const toggleFooter = (p: PageItem) => {
    setShown((s) => ({ ...s, [p.id]: !inFooter(p) }));
    void setFooter(inFooter(p) ? footer.filter((id) => id !== p.id && id !== p.groupId) : [...footer, p.groupId ?? p.id]);
  };

  return (
    <div className="page">
      <header className="page-head">
        <h1>{i.t('pages.title')}</h1>
      </header>
      <p className="hint">{i.t('pages.intro')}</p>
      <ErrorBox error={errs.general} />
      <form className="form form-inline" onSubmit={create}>
        <Field label={i.t('pages.newTitle')} error={errs.of('title')}>
          <input className="input" name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} required />
        </Field>
        <Field label={i.t('pages.language')} error={errs.of('locale')}>
          <select className="input" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </Field>
        <div className="actions">
          <button className="btn btn-primary" type="submit" disabled={busy}>{i.t('pages.create')}</button>
        </div>
      </form>
      {res.data.items.length === 0 ? (
        <p className="empty">{i.t('pages.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{i.t('pages.titleColumn')}</th>
              <th>{i.t('pages.language')}</th>
              <th>{i.t('pages.address')}</th>
              <th>{i.t('pages.status')}</th>
              <th>{i.t('pages.footer')}</th>
            </tr>
          </thead>
          <tbody>
            {res.data.items.map((p) => (
              <tr key={p.id}>
                <td><Link to={`/pages/${p.id}`}>{p.title}</Link></td>
                <td><LocaleChip locale={p.locale} /></td>
                <td><code>{p.href}</code></td>
                <td>{i.t(p.status === 'published' ? 'pages.published' : 'pages.draft')}</td>
                <td>
                  <label className="check">
                    <input type="checkbox" checked={inFooter(p)} onChange={() => toggleFooter(p)} /> {i.t('pages.inFooter')}
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function StaticPageEditor({ id }: { id: number }) {
  const i = useI18n();
  const res = useLoad((signal) => api.get<PageFull>(`/pages/${id}`, undefined, signal), [id]);
  const [page, setPage] = useState<PageFull | null>(null);
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [picker, setPicker] = useState(false);
  const [busy, setBusy] = useState(false);
  const errs = useFormErrors();
  usePageTitle(page?.title ?? i.t('pages.title'));
  const editor = useEditor({ extensions: buildExtensions(i.t('pages.bodyPlaceholder')), content: null, immediatelyRender: false }, []);

  useEffect(() => {
    if (!res.data) return;
    setPage(res.data);
    setTitle(res.data.title);
    setSlug(res.data.slug);
    editor?.commands.setContent(res.data.body as never, { emitUpdate: false });
  }, [res.data, editor]);

  if (res.error && !res.data) return <div className="page"><ErrorBox error={res.error} onRetry={res.reload} /></div>;
  if (!page || !editor) return <Spinner />;

  const save = async (status?: 'draft' | 'published') => {
    setBusy(true);
    errs.clear();
    try {
      const saved = await api.put<PageFull>(`/pages/${id}`, { version: page.version, title, slug, body: editor.getJSON(), ...(status ? { status } : {}) });
      notify(i.t('pages.saved'), 'success');
      setPage({ ...saved, revisions: page.revisions });
      res.reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) notify(err.message, 'error');
      errs.set(err);
    } finally {
      setBusy(false);
    }
  };
  const restore = async (revisionId: number) => {
    try {
      await api.post(`/pages/${id}/restore`, { revisionId, version: page.version });
      notify(i.t('pages.restored'), 'success');
      res.reload();
    } catch (err) {
      errs.set(err);
    }
  };
  const remove = async () => {
    if (!window.confirm(i.t('pages.confirmDelete', { title: page.title }))) return;
    try {
      await api.del(`/pages/${id}`);
      navigate('/pages');
    } catch (err) {
      errs.set(err);
    }
  };

  return (
    <div className="page page-editor">
      <header className="page-head">
        <h1>
          <Link to="/pages">{i.t('pages.title')}</Link> / {page.title} <LocaleChip locale={page.locale} />
        </h1>
        <div className="actions">
          {page.status === 'published' && <a className="btn" href={page.href} target="_blank" rel="noopener">{i.t('pages.view')}</a>}
          <button className="btn" type="button" disabled={busy} onClick={() => void save()}>{i.t('pages.save')}</button>
          <button className="btn btn-primary" type="button" disabled={busy} onClick={() => void save(page.status === 'published' ? 'draft' : 'published')}>
            {i.t(page.status === 'published' ? 'pages.unpublish' : 'pages.publish')}
          </button>
        </div>
      </header>
      <ErrorBox error={errs.general} />
      <Field label={i.t('pages.titleColumn')} error={errs.of('title')}>
        <input className="input input-headline" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
      </Field>
      <Field label={i.t('pages.address')} error={errs.of('slug')} hint={i.t('pages.addressHint')}>
        <input className="input" value={slug} onChange={(e) => setSlug(e.target.value)} maxLength={200} />
      </Field>
      <div className="editor-body">
        <Toolbar editor={editor} onImage={() => setPicker(true)} />
        <EditorContent editor={editor} className="body-content" />
      </div>
      {errs.of('body') && <p className="field-error">{errs.of('body')}</p>}
      <section className="panel">
        <h2>{i.t('pages.revisions')}</h2>
        <ul className="revision-list">
          {(res.data?.revisions ?? []).map((r) => (
            <li key={r.id}>
              v{r.version} · {new Date(r.savedAt).toLocaleString()} · {r.savedBy ?? '—'} · {r.title}{' '}
              {r.version !== page.version && <button className="btn btn-small" type="button" onClick={() => void restore(r.id)}>{i.t('pages.restore')}</button>}
            </li>
          ))}
        </ul>
        <button className="btn btn-small btn-danger" type="button" onClick={() => void remove()}>{i.t('pages.delete')}</button>
      </section>
      <MediaPicker
        open={picker}
        locale={page.locale}
        onClose={() => setPicker(false)}
        onPick={(m) => {
          editor.chain().focus().setFigure({ src: m.src, alt: mediaText(m, page.locale, 'alt'), caption: mediaText(m, page.locale, 'caption'), mediaId: m.id, width: m.width, height: m.height }).run();
          setPicker(false);
        }}
      />
    </div>
  );
}
