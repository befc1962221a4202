/**
 * Media library pieces: upload zone (drop or choose), the searchable grid, the picker dialog, and
 * a lookup of images by id (for fields that keep only an id: the site logo, author photos).
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { notify } from '../toast';
import { pickName, type Media, type Names, type Page } from '../types';
import { Dialog, ErrorBox, Icon, Pagination, Spinner, errorText, useLoad } from './ui';
import { Link } from '../router';

export function uploadError(e: unknown, i: ReturnType<typeof useI18n>, fileName: string): string {
  if (e instanceof ApiError) {
    const fieldMsgs = Object.values(e.fields);
    const msg = fieldMsgs.length ? fieldMsgs.join(' ') : e.text();
    if (e.status === 413) return `${fileName}: ${msg || i.t('media.tooLarge')}`;
    if (e.status === 415) return `${fileName}: ${msg || i.t('media.unsupported')}`;
    if (e.status === 422) return `${fileName}: ${msg}`;
    if (e.status === 503 && e.code === 'service_unavailable') return `${fileName}: ${i.t('media.busy', { s: e.retryAfterSeconds ?? 5 })}`;
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
        rememberMedia([m]);
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

/* ---------- images by id ---------- */

/**
 * Images already seen by this tab, by id: everything a library page, an upload or the picker
 * returned. `null` means "looked for and not in the library" (deleted since).
 */
const known = new Map<number, Media | null>();
const knownListeners = new Set<() => void>();
/** Pages of the library read at most when looking for ids (30 images each, newest first). */
const LOOKUP_MAX_PAGES = 20;
let scan: Promise<void> | null = null;

/** Tells the lookup about images the app got anyway, so it need not ask again. */
export function rememberMedia(items: Media[]): void {
  if (!items.length) return;
  for (const m of items) known.set(m.id, m);
  knownListeners.forEach((l) => l());
}

/** Marks an image as deleted from the library. */
export function forgetMedia(id: number): void {
  known.set(id, null);
  knownListeners.forEach((l) => l());
}

/**
 * Finds images by id. The API has no "image by id" call, so this reads the library's pages (newest
 * first, where a freshly chosen logo or photo is) until every id is found, at most
 * LOOKUP_MAX_PAGES pages; ids still missing are remembered as gone. One scan at a time.
 */
async function lookUp(ids: number[]): Promise<void> {
  while (scan) await scan.catch(() => undefined);
  const missing = new Set(ids.filter((id) => !known.has(id)));
  if (!missing.size) return;
  scan = (async () => {
    try {
      for (let page = 1; page <= LOOKUP_MAX_PAGES && missing.size; page++) {
        const res = await api.get<Page<Media>>('/media', { page });
        for (const m of res.items) {
          known.set(m.id, m);
          missing.delete(m.id);
        }
        if (page >= res.pages) break;
      }
      for (const id of missing) known.set(id, null);
    } finally {
      knownListeners.forEach((l) => l());
    }
  })();
  try {
    await scan;
  } finally {
    scan = null;
  }
}

/**
 * The images with these ids: `get(id)` is the Media, `null` when it is no longer in the library,
 * or `undefined` while still looking.
 */
export function useMediaByIds(ids: (number | null | undefined)[]): { get(id: number | null | undefined): Media | null | undefined; error: unknown } {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))].sort((a, b) => a - b);
  const key = wanted.join(',');
  const [, setTick] = useState(0);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const l = () => setTick((t) => t + 1);
    knownListeners.add(l);
    return () => {
      knownListeners.delete(l);
    };
  }, []);
  useEffect(() => {
    if (!key) return;
    let live = true;
    setError(null);
    lookUp(key.split(',').map(Number)).catch((e: unknown) => {
      if (live) setError(e);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return { get: (id) => (typeof id === 'number' ? known.get(id) : null), error };
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
  useEffect(() => {
    if (res.data) rememberMedia(res.data.items);
  }, [res.data]);
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

/** The dialog the editor opens for body images and the hero image (also: site logo, author photos). */
export function MediaPicker({ open, locale, onClose, onPick, title, confirmLabel }: { open: boolean; locale: string; onClose(): void; onPick(m: Media): void; title?: string; confirmLabel?: string }) {
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
            {confirmLabel ?? i.t('media.insert')}
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

/** One place an image is used (GET /media/:id/uses, or the 409 of a delete). */
export type MediaUse =
  | { kind: 'story'; storyId: number; editionId: number; locale: string; headline: string; status: string; href: string }
  | { kind: 'author'; authorId: number; name: string; names: Names; href: string }
  | { kind: 'logo'; href: string };

/** The places an image is used, as links to where it can be removed. */
export function MediaUses({ uses }: { uses: MediaUse[] }) {
  const i = useI18n();
  // The server gives full /admin/… paths; the router wants them without the base.
  const to = (href: string) => href.replace(/^\/admin(?=\/)/, '');
  return (
    <ul className="media-uses">
      {uses.map((u) => (
        <li key={u.kind === 'story' ? `s${u.editionId}` : u.kind === 'author' ? `a${u.authorId}` : 'logo'}>
          {u.kind === 'story' ? (
            <Link to={to(u.href)}>
              <span className="media-uses-locale">{u.locale}</span> {u.headline || i.t('fix.untitled')}
            </Link>
          ) : u.kind === 'author' ? (
            <Link to={to(u.href)}>{i.t('fix.useAuthor', { name: pickName(u.names, i.lang, u.name) })}</Link>
          ) : (
            <Link to={to(u.href)}>{i.t('fix.useLogo')}</Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Loads where an image is used (only asked when the library says it is used somewhere). */
export function useMediaUses(media: Media | null) {
  const id = media && media.usedBy > 0 ? media.id : null;
  return useLoad((signal) => (id === null ? Promise.resolve({ items: [] as MediaUse[] }) : api.get<{ items: MediaUse[] }>(`/media/${id}/uses`, undefined, signal)), [id]);
}
