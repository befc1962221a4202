/** Media library pieces: upload zone (drop or choose), the searchable grid, the picker dialog. */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { notify } from '../toast';
import type { Media, Page } from '../types';
import { Dialog, ErrorBox, Icon, Pagination, Spinner, errorText, useLoad } from './ui';

export function uploadError(e: unknown, i: ReturnType<typeof useI18n>, fileName: string): string {
  if (e instanceof ApiError) {
    const fieldMsgs = Object.values(e.fields);
    const msg = fieldMsgs.length ? fieldMsgs.join(' ') : e.message;
    if (e.status === 413) return `${fileName}: ${msg || i.t('media.tooLarge')}`;
    if (e.status === 415) return `${fileName}: ${msg || i.t('media.unsupported')}`;
    if (e.status === 422) return `${fileName}: ${msg}`;
  }
  return `${fileName}: ${errorText(e, i)}`;
}

interface UploadProps {
  locale?: string;
  onUploaded(m: Media): void;
  compact?: boolean;
}

export function UploadZone({ locale, onUploaded, compact }: UploadProps) {
  const i = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const upload = async (files: FileList | File[]) => {
    const list = Array.from(files);
    if (!list.length) return;
    const errs: string[] = [];
    for (const file of list) {
      setBusy(file.name);
      const form = new FormData();
      if (locale) form.append('locale', locale);
      form.append('file', file, file.name);
      try {
        const m = await api.upload<Media>('/media', form);
        onUploaded(m);
      } catch (e) {
        errs.push(uploadError(e, i, file.name));
      }
    }
    setBusy(null);
    setErrors(errs);
    if (!errs.length) notify(i.tn('media.uploaded', list.length), 'success');
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) void upload(e.dataTransfer.files);
  };

  return (
    <div>
      <div
        className={`dropzone${over ? ' over' : ''}${compact ? ' dropzone-compact' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Icon name="upload" size={compact ? 18 : 24} />
        <span>{busy ? i.t('media.uploading', { name: busy }) : i.t('media.dropHere')}</span>
        <button type="button" className="btn btn-small" disabled={!!busy} onClick={() => input.current?.click()}>
          {i.t('media.chooseFiles')}
        </button>
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          multiple
          hidden
          data-testid="media-file-input"
          onChange={(e) => {
            if (e.target.files) void upload(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {errors.length > 0 && (
        <div className="notice notice-error" role="alert">
          <ul className="plain-list">
            {errors.map((m, n) => (
              <li key={n}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function mediaText(m: Media, locale: string, key: 'alt' | 'caption'): string {
  const own = m.texts?.[locale]?.[key];
  if (own) return own;
  for (const t of Object.values(m.texts ?? {})) if (t?.[key]) return t[key];
  return '';
}

interface GridProps {
  locale: string;
  onSelect(m: Media): void;
  selectedId?: number | null;
  /** Bump to reload (after an upload or edit). */
  version?: number;
  pick?: boolean;
}

export function MediaGrid({ locale, onSelect, selectedId, version = 0, pick }: GridProps) {
  const i = useI18n();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const t = window.setTimeout(() => {
      setQuery(q.trim());
      setPage(1);
    }, 300);
    return () => window.clearTimeout(t);
  }, [q]);
  const res = useLoad((signal) => api.get<Page<Media>>('/media', { q: query, page }, signal), [query, page, version]);
  return (
    <div className="media-browser">
      <label className="filter filter-search">
        <span className="sr-only">{i.t('media.search')}</span>
        <Icon name="search" size={16} />
        <input className="input" type="search" placeholder={i.t('media.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      <ErrorBox error={res.error} onRetry={res.reload} />
      {res.loading && !res.data ? (
        <Spinner />
      ) : res.data && res.data.items.length === 0 ? (
        <div className="empty">{query ? i.t('media.noneFound') : i.t('media.empty')}</div>
      ) : res.data ? (
        <>
          <ul className={`media-grid${pick ? ' media-grid-pick' : ''}`}>
            {res.data.items.map((m) => {
              const caption = mediaText(m, locale, 'caption');
              return (
                <li key={m.id}>
                  <button
                    type="button"
                    className={`media-card${selectedId === m.id ? ' selected' : ''}`}
                    onClick={() => onSelect(m)}
                    aria-pressed={pick ? selectedId === m.id : undefined}
                    data-media-id={m.id}
                  >
                    <span className="media-thumb">
                      <img src={m.thumb || m.src} alt={mediaText(m, locale, 'alt')} loading="lazy" width={m.width} height={m.height} />
                    </span>
                    <span className="media-meta">
                      <span className="media-caption">{caption || <span className="muted">{i.t('media.noCaption')}</span>}</span>
                      <span className="media-sub muted">
                        {m.width}×{m.height}
                        {m.credit ? ` · ${m.credit}` : ''}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          <Pagination page={res.data.page} pages={res.data.pages} total={res.data.total} onPage={setPage} />
        </>
      ) : null}
    </div>
  );
}

/** The dialog the editor opens for body images and the hero image. */
export function MediaPicker({ open, locale, onClose, onPick, title }: { open: boolean; locale: string; onClose(): void; onPick(m: Media): void; title?: string }) {
  const i = useI18n();
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<Media | null>(null);
  useEffect(() => {
    if (open) setSelected(null);
  }, [open]);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title ?? i.t('media.pickTitle')}
      wide="xl"
      footer={
        <>
          {selected && (
            <span className="muted picker-selected">
              {mediaText(selected, locale, 'caption') || `#${selected.id}`} · {selected.width}×{selected.height}
            </span>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {i.t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!selected}
            onClick={() => {
              if (selected) onPick(selected);
            }}
          >
            {i.t('media.insert')}
          </button>
        </>
      }
    >
      {open && (
        <>
          <UploadZone
            compact
            locale={locale}
            onUploaded={(m) => {
              setSelected(m);
              setVersion((v) => v + 1);
            }}
          />
          <MediaGrid
            pick
            locale={locale}
            selectedId={selected?.id}
            version={version}
            onSelect={(m) => {
              if (selected?.id === m.id) onPick(m);
              else setSelected(m);
            }}
          />
        </>
      )}
    </Dialog>
  );
}
