/** The media library page: upload, search, edit credit/alt/caption per locale, delete. */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { MediaGrid, MediaUses, UploadZone, forgetMedia, rememberMedia, useMediaUses, type MediaUse } from '../components/media';
import { ConfirmDialog, Dialog, ErrorBox, Field, formatBytes, useFormErrors } from '../components/ui';
import { useI18n } from '../i18n';
import { useUser } from '../session';
import { usePageTitle } from '../title';
import { notify } from '../toast';
import { LOCALES, LOCALE_NAMES, roleAtLeast, type Locale, type Media } from '../types';

export function MediaPage() {
  const i = useI18n();
  usePageTitle(i.t('media.title'));
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Media | null>(null);
  const locale: Locale = i.lang;
  return (
    <div className="page">
      <header className="page-head">
        <h1>{i.t('media.title')}</h1>
      </header>
      <UploadZone locale={locale} onUploaded={() => setVersion((v) => v + 1)} />
      <MediaGrid locale={locale} version={version} onSelect={setEditing} />
      <MediaEditDialog
        media={editing}
        onClose={() => setEditing(null)}
        onChanged={() => setVersion((v) => v + 1)}
      />
    </div>
  );
}

function MediaEditDialog({ media, onClose, onChanged }: { media: Media | null; onClose(): void; onChanged(): void }) {
  const i = useI18n();
  const user = useUser();
  const [credit, setCredit] = useState('');
  const [texts, setTexts] = useState<Media['texts']>({});
  const [tab, setTab] = useState<Locale>('ru');
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Where the image is used: loaded with the dialog, or taken from a delete's 409 (a race).
  const [blocked, setBlocked] = useState<MediaUse[] | null>(null);
  const uses = useMediaUses(media);
  const errs = useFormErrors();
  useEffect(() => {
    if (media) {
      setCredit(media.credit ?? '');
      const t: Media['texts'] = {};
      for (const l of LOCALES) t[l] = { alt: media.texts?.[l]?.alt ?? '', caption: media.texts?.[l]?.caption ?? '' };
      setTexts(t);
      setTab(i.lang);
      setBlocked(null);
      errs.clear();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [media]);
  if (!media) return <Dialog open={false} title="" onClose={onClose}>{null}</Dialog>;

  const setText = (key: 'alt' | 'caption', v: string) => setTexts((t) => ({ ...t, [tab]: { alt: t[tab]?.alt ?? '', caption: t[tab]?.caption ?? '', [key]: v } }));

  const save = async () => {
    setBusy(true);
    errs.clear();
    try {
      rememberMedia([await api.patch<Media>(`/media/${media.id}`, { credit, texts })]);
      notify(i.t('common.savedToast'), 'success');
      onChanged();
      onClose();
    } catch (e) {
      errs.set(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    try {
      await api.del(`/media/${media.id}`);
      forgetMedia(media.id);
    } catch (e) {
      const listed = e instanceof ApiError && e.status === 409 ? (e.details as { uses?: MediaUse[] } | undefined)?.uses : undefined;
      if (listed?.length) {
        setBlocked(listed);
        return;
      }
      if (e instanceof ApiError && e.status === 409) throw new ApiError(409, 'conflict', e.text() || i.t('media.inUse'));
      throw e;
    }
    notify(i.t('media.deleted'), 'success');
    onChanged();
    onClose();
  };

  return (
    <>
      <Dialog
        open={!!media && !confirmDelete && !blocked}
        onClose={onClose}
        title={i.t('media.editTitle', { id: media.id })}
        wide
        footer={
          <>
            {roleAtLeast(user.role, 'editor') && (
              <button type="button" className="btn btn-danger-outline footer-left" onClick={() => (media.usedBy > 0 && uses.data?.items.length ? setBlocked(uses.data.items) : setConfirmDelete(true))}>
                {i.t('common.delete')}
              </button>
            )}
            <button type="button" className="btn" onClick={onClose}>
              {i.t('common.cancel')}
            </button>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()}>
              {i.t('common.save')}
            </button>
          </>
        }
      >
        <div className="media-edit">
          <div className="media-edit-preview">
            <img src={media.src} alt="" />
            <dl className="kv kv-small">
              <dt>{i.t('media.size')}</dt>
              <dd>
                {media.width}×{media.height} · {formatBytes(media.bytes)} · {media.mime}
              </dd>
              <dt>{i.t('media.added')}</dt>
              <dd>{i.dateTime(media.createdAt)}</dd>
              <dt>{i.t('media.usedBy')}</dt>
              <dd>{i.tn('media.usedByN', media.usedBy)}</dd>
            </dl>
            {uses.data && uses.data.items.length > 0 && (
              <div className="media-uses-box">
                <h3 className="subhead">{i.t('fix.whereUsed')}</h3>
                <MediaUses uses={uses.data.items} />
              </div>
            )}
          </div>
          <form
            className="media-edit-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Field label={i.t('media.credit')} error={errs.of('credit')}>
              <input className="input" value={credit} onChange={(e) => setCredit(e.target.value)} />
            </Field>
            <div className="tabs" role="tablist">
              {LOCALES.map((l) => (
                <button key={l} type="button" role="tab" aria-selected={tab === l} className={`tab${tab === l ? ' active' : ''}${texts[l]?.caption || texts[l]?.alt ? ' has-content' : ''}`} onClick={() => setTab(l)}>
                  {LOCALE_NAMES[l]}
                </button>
              ))}
            </div>
            <Field label={i.t('media.alt')} error={errs.of(`texts.${tab}.alt`)} hint={i.t('media.altHint')}>
              <input className="input" value={texts[tab]?.alt ?? ''} onChange={(e) => setText('alt', e.target.value)} />
            </Field>
            <Field label={i.t('media.caption')} error={errs.of(`texts.${tab}.caption`)}>
              <textarea className="input" rows={3} value={texts[tab]?.caption ?? ''} onChange={(e) => setText('caption', e.target.value)} />
            </Field>
            {errs.rest(['credit', `texts.${tab}.alt`, `texts.${tab}.caption`]).length > 0 && <ErrorBox error={errs.rest(['credit', `texts.${tab}.alt`, `texts.${tab}.caption`]).join(' ')} />}
            <ErrorBox error={errs.general} />
            <button type="submit" hidden />
          </form>
        </div>
      </Dialog>
      <Dialog
        open={!!blocked}
        title={i.t('fix.inUseTitle')}
        onClose={() => setBlocked(null)}
        footer={
          <button type="button" className="btn" onClick={() => setBlocked(null)}>
            {i.t('common.close')}
          </button>
        }
      >
        <p>{i.t('fix.inUseIntro')}</p>
        <MediaUses uses={blocked ?? []} />
      </Dialog>
      <ConfirmDialog
        open={confirmDelete}
        title={i.t('media.deleteTitle')}
        message={media.usedBy > 0 ? i.tn('media.deleteInUse', media.usedBy) : i.t('media.deleteConfirm')}
        confirmLabel={i.t('common.delete')}
        danger
        onConfirm={remove}
        onClose={() => setConfirmDelete(false)}
      />
    </>
  );
}
