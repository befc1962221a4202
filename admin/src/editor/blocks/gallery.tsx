/**
 * The gallery block: an ordered list of library photos with a caption each, stored as
 * `{ type: 'gallery', attrs: { items: [{ mediaId, src, srcset, width, height, alt, caption }] } }`
 * (src/content/blocks.ts on the server). A new photo's caption starts as the library caption in
 * the edition's language; photos are reordered with the arrow buttons (keyboard-reachable, unlike
 * drag and drop) and removed one by one.
 */
import { useState } from 'react';
import { Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { MediaPicker, mediaText } from '../../components/media';
import { useI18n } from '../../i18n';
import type { Media } from '../../types';

export interface GalleryItem {
  mediaId: number;
  src: string;
  srcset?: string;
  width?: number;
  height?: number;
  alt: string;
  caption: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    gallery: {
      setGallery: (attrs: { items: GalleryItem[] }) => ReturnType;
    };
  }
}

/** The edition's language: the editor element carries it (StoryEditor sets `lang`). */
export function editorLocale(editor: Editor): string {
  return editor.view.dom.getAttribute('lang') || 'ru';
}

export function galleryItem(m: Media & { srcset?: string }, locale: string): GalleryItem {
  return { mediaId: m.id, src: m.src, srcset: m.srcset ?? '', width: m.width, height: m.height, alt: mediaText(m, locale, 'alt'), caption: mediaText(m, locale, 'caption') };
}

function GalleryView({ node, updateAttributes, selected, editor, deleteNode }: ReactNodeViewProps) {
  const i = useI18n();
  const [picking, setPicking] = useState(false);
  const items = (Array.isArray(node.attrs.items) ? node.attrs.items : []) as GalleryItem[];
  const editable = editor.isEditable;
  const set = (next: GalleryItem[]) => (next.length ? updateAttributes({ items: next }) : deleteNode());
  const move = (from: number, to: number) => {
    const next = items.slice();
    const [it] = next.splice(from, 1);
    next.splice(to, 0, it!);
    set(next);
  };
  return (
    <NodeViewWrapper className={`gallery-node${selected ? ' is-selected' : ''}`} data-drag-handle="">
      <div className="gallery-node-head" contentEditable={false}>
        <span className="gallery-node-badge">{i.t('blocks.gallery')}</span>
        <span className="muted">{i.t('blocks.galleryCount', { n: items.length })}</span>
        {editable && (
          <>
            <button type="button" className="btn btn-small" onClick={() => setPicking(true)}>
              {i.t('blocks.galleryAdd')}
            </button>
            <button type="button" className="icon-btn gallery-node-remove" aria-label={i.t('blocks.galleryRemove')} title={i.t('blocks.galleryRemove')} onClick={() => deleteNode()}>
              ×
            </button>
          </>
        )}
      </div>
      <ol className="gallery-node-items" contentEditable={false}>
        {items.map((it, k) => (
          <li key={`${it.mediaId}-${k}`} className="gallery-node-item">
            <img src={it.src} alt={it.alt} width={it.width} height={it.height} draggable={false} />
            {editable ? (
              <input
                className="input gallery-node-caption"
                value={it.caption}
                placeholder={i.t('blocks.galleryCaption', { n: k + 1 })}
                aria-label={i.t('blocks.galleryCaption', { n: k + 1 })}
                onChange={(e) => set(items.map((x, j) => (j === k ? { ...x, caption: e.target.value } : x)))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.preventDefault();
                }}
              />
            ) : (
              <span className="gallery-node-caption">{it.caption}</span>
            )}
            {editable && (
              <span className="gallery-node-tools">
                <button type="button" className="icon-btn" disabled={k === 0} aria-label={i.t('blocks.galleryEarlier', { n: k + 1 })} title={i.t('blocks.galleryEarlier', { n: k + 1 })} onClick={() => move(k, k - 1)}>
                  ←
                </button>
                <button type="button" className="icon-btn" disabled={k === items.length - 1} aria-label={i.t('blocks.galleryLater', { n: k + 1 })} title={i.t('blocks.galleryLater', { n: k + 1 })} onClick={() => move(k, k + 1)}>
                  →
                </button>
                <button type="button" className="icon-btn" aria-label={i.t('blocks.galleryRemovePhoto', { n: k + 1 })} title={i.t('blocks.galleryRemovePhoto', { n: k + 1 })} onClick={() => set(items.filter((_, j) => j !== k))}>
                  ×
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {picking && (
        <MediaPicker
          open
          locale={editorLocale(editor)}
          title={i.t('blocks.galleryAdd')}
          onClose={() => setPicking(false)}
          onPick={(m) => {
            setPicking(false);
            set([...items, galleryItem(m, editorLocale(editor))]);
          }}
        />
      )}
    </NodeViewWrapper>
  );
}

export const Gallery = Node.create({
  name: 'gallery',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      items: {
        default: [],
        parseHTML: (el) => {
          try {
            return JSON.parse(el.getAttribute('data-items') ?? '[]');
          } catch {
            return [];
          }
        },
        renderHTML: (a) => ({ 'data-items': JSON.stringify(a.items ?? []) }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-gallery]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', { 'data-gallery': '', ...HTMLAttributes }];
  },
  addCommands() {
    return {
      setGallery:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
  addNodeView() {
    return ReactNodeViewRenderer(GalleryView);
  },
});
