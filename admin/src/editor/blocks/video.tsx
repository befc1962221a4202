/**
 * The video block: an uploaded MP4/WebM (POST /videos, stored as sent) with a poster from the
 * media library and a caption, stored as `{ type: 'video', attrs: { videoId, src, mime, width,
 * height, caption, poster: { mediaId, src } } }` (src/content/blocks.ts on the server).
 */
import { useState, type ChangeEvent } from 'react';
import { Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { api } from '../../api';
import { MediaPicker, uploadError } from '../../components/media';
import { Dialog } from '../../components/ui';
import { useI18n } from '../../i18n';
import { editorLocale } from './gallery';

export interface VideoAttrs {
  videoId: number | null;
  src: string;
  mime: string;
  width?: number | null;
  height?: number | null;
  caption: string;
  poster: { mediaId: number | null; src: string } | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    video: {
      setVideo: (attrs: VideoAttrs) => ReturnType;
    };
  }
}

function VideoView({ node, updateAttributes, selected, editor, deleteNode }: ReactNodeViewProps) {
  const i = useI18n();
  const [picking, setPicking] = useState(false);
  const a = node.attrs as VideoAttrs;
  const editable = editor.isEditable;
  return (
    <NodeViewWrapper className={`video-node${selected ? ' is-selected' : ''}`} data-drag-handle="">
      <div className="gallery-node-head" contentEditable={false}>
        <span className="gallery-node-badge">{i.t('blocks.video')}</span>
        {editable && (
          <>
            <button type="button" className="btn btn-small" onClick={() => setPicking(true)}>
              {a.poster ? i.t('blocks.videoPosterChange') : i.t('blocks.videoPoster')}
            </button>
            <button type="button" className="icon-btn gallery-node-remove" aria-label={i.t('blocks.videoRemove')} title={i.t('blocks.videoRemove')} onClick={() => deleteNode()}>
              ×
            </button>
          </>
        )}
      </div>
      <figure contentEditable={false}>
        <video
          controls
          preload="metadata"
          src={a.src}
          poster={a.poster?.src}
          width={a.width ?? undefined}
          height={a.height ?? undefined}
          onLoadedMetadata={(e) => {
            // The file's own size wins over a guess (the poster's) made when the browser could not read it at upload.
            const v = e.currentTarget;
            if (editable && v.videoWidth && v.videoHeight && (v.videoWidth !== a.width || v.videoHeight !== a.height)) updateAttributes({ width: v.videoWidth, height: v.videoHeight });
          }}
        />
        <figcaption>
          {editable ? (
            <input
              className="input gallery-node-caption"
              value={a.caption ?? ''}
              placeholder={i.t('blocks.videoCaption')}
              aria-label={i.t('blocks.videoCaption')}
              onChange={(e) => updateAttributes({ caption: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.preventDefault();
              }}
            />
          ) : (
            a.caption
          )}
        </figcaption>
      </figure>
      {picking && (
        <MediaPicker
          open
          locale={editorLocale(editor)}
          title={i.t('blocks.videoPoster')}
          onClose={() => setPicking(false)}
          onPick={(m) => {
            setPicking(false);
            updateAttributes({ poster: { mediaId: m.id, src: m.src }, ...(a.width ? {} : { width: m.width, height: m.height }) });
          }}
        />
      )}
    </NodeViewWrapper>
  );
}

export const Video = Node.create({
  name: 'video',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    const plain = (name: string, fallback: unknown = null) => ({
      default: fallback,
      parseHTML: (el: HTMLElement) => {
        try {
          return JSON.parse(el.getAttribute(`data-${name}`) ?? 'null') ?? fallback;
        } catch {
          return fallback;
        }
      },
      renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${name}`]: JSON.stringify(attrs[name] ?? null) }),
    });
    return { videoId: plain('video-id'), src: plain('src', ''), mime: plain('mime', 'video/mp4'), width: plain('width'), height: plain('height'), caption: plain('caption', ''), poster: plain('poster') };
  },
  parseHTML() {
    return [{ tag: 'figure[data-video]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', { 'data-video': '', ...HTMLAttributes }];
  },
  addCommands() {
    return {
      setVideo:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
  addNodeView() {
    return ReactNodeViewRenderer(VideoView);
  },
});

/** The size the browser reads from the file (a file it cannot play gives none). */
function measure(file: File): Promise<{ width: number; height: number } | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const v = document.createElement('video');
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const done = (r: { width: number; height: number } | null) => {
      if (timeout === undefined) return; // already answered (metadata, error or the timeout)
      clearTimeout(timeout);
      timeout = undefined;
      URL.revokeObjectURL(url);
      resolve(r);
    };
    v.preload = 'metadata';
    v.onloadedmetadata = () => done(v.videoWidth && v.videoHeight ? { width: v.videoWidth, height: v.videoHeight } : null);
    v.onerror = () => done(null);
    timeout = setTimeout(() => done(null), 5000);
    v.src = url;
  });
}

/** Upload dialog: choose an MP4/WebM; on success the block is inserted where the caret is. */
export function VideoDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose(): void }) {
  const i = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      const size = await measure(file);
      const form = new FormData();
      form.append('file', file);
      const v = await api.upload<{ id: number; src: string; mime: string }>('/videos', form);
      editor.chain().focus().setVideo({ videoId: v.id, src: v.src, mime: v.mime, width: size?.width ?? null, height: size?.height ?? null, caption: '', poster: null }).run();
      onClose();
    } catch (err) {
      setError(uploadError(err, i, file.name));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} title={i.t('blocks.videoInsert')}>
      <p className="muted">{i.t('blocks.videoHint')}</p>
      <label className="btn btn-primary video-choose">
        {busy ? i.t('blocks.videoUploading') : i.t('blocks.videoChoose')}
        <input type="file" accept="video/mp4,video/webm,.mp4,.webm" className="sr-only" disabled={busy} onChange={(e) => void choose(e)} aria-label={i.t('blocks.videoChoose')} />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
