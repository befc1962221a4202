/**
 * The editor's schema, matching what the server keeps (docs/newsroom-api.md, "Body document"):
 * StarterKit without code/underline, headings 2–4, links, tables, an image node with `caption`
 * and `mediaId`, and our own `embed` node `{ provider, url }`.
 */
import { Node, mergeAttributes, type Extensions } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import Placeholder from '@tiptap/extension-placeholder';
import { useI18n } from '../i18n';
import { Gallery } from './blocks/gallery';
import { Video } from './blocks/video';
import { ImportedHtml } from './blocks/imported-html';
import { MediaGuard } from './media-guard';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    embed: {
      setEmbed: (attrs: { provider: string; url: string }) => ReturnType;
    };
    figure: {
      setFigure: (attrs: { src: string; alt?: string; caption?: string; mediaId?: number | null; width?: number; height?: number }) => ReturnType;
    };
  }
}

const PROVIDER_LABEL: Record<string, string> = { youtube: 'YouTube', telegram: 'Telegram', x: 'X (Twitter)' };

function EmbedView({ node, selected, deleteNode, editor }: ReactNodeViewProps) {
  const i = useI18n();
  const provider = String(node.attrs.provider ?? '');
  const url = String(node.attrs.url ?? '');
  return (
    <NodeViewWrapper className={`embed-node embed-${provider}${selected ? ' is-selected' : ''}`} data-drag-handle="">
      <span className={`embed-badge embed-badge-${provider}`}>{PROVIDER_LABEL[provider] ?? provider}</span>
      <a href={url} target="_blank" rel="noopener noreferrer" className="embed-url" contentEditable={false}>
        {url}
      </a>
      {editor.isEditable && (
        <button type="button" className="icon-btn embed-remove" aria-label={i.t('editor.embedRemove')} title={i.t('editor.embedRemove')} onClick={() => deleteNode()}>
          ×
        </button>
      )}
    </NodeViewWrapper>
  );
}

export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      provider: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-provider'),
        renderHTML: (a) => ({ 'data-provider': a.provider }),
      },
      url: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-url'),
        renderHTML: (a) => ({ 'data-url': a.url }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-embed]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes({ 'data-embed': '' }, HTMLAttributes), String(HTMLAttributes['data-url'] ?? '')];
  },
  addCommands() {
    return {
      setEmbed:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
  addNodeView() {
    return ReactNodeViewRenderer(EmbedView);
  },
});

function ImageView({ node, updateAttributes, selected, editor, deleteNode }: ReactNodeViewProps) {
  const i = useI18n();
  const caption = String(node.attrs.caption ?? '');
  const alt = String(node.attrs.alt ?? '');
  const editable = editor.isEditable;
  return (
    <NodeViewWrapper className={`figure-node${selected ? ' is-selected' : ''}`}>
      <figure>
        <img src={String(node.attrs.src ?? '')} alt={String(node.attrs.alt ?? '')} data-drag-handle="" draggable />
        <figcaption>
          {editable ? (
            <input
              className="figure-caption-input"
              value={caption}
              placeholder={i.t('editor.imageCaption')}
              aria-label={i.t('editor.imageCaption')}
              onChange={(e) => updateAttributes({ caption: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  editor.commands.focus();
                }
              }}
            />
          ) : (
            caption
          )}
        </figcaption>
        {editable && (
          // Read aloud in place of the photo on the public site (rendered as the img's alt).
          <input
            className="figure-alt-input"
            value={alt}
            maxLength={500}
            placeholder={i.t('ed2.imageAltPlaceholder')}
            aria-label={i.t('ed2.imageAlt')}
            onChange={(e) => updateAttributes({ alt: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                editor.commands.focus();
              }
            }}
          />
        )}
      </figure>
      {editable && (
        <button type="button" className="icon-btn figure-remove" aria-label={i.t('editor.imageRemove')} title={i.t('editor.imageRemove')} onClick={() => deleteNode()}>
          ×
        </button>
      )}
    </NodeViewWrapper>
  );
}

export const Figure = Image.extend({
  draggable: true,
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: '',
        parseHTML: (el: HTMLElement) => el.getAttribute('data-caption') ?? '',
        renderHTML: (a: Record<string, unknown>) => (a.caption ? { 'data-caption': a.caption } : {}),
      },
      mediaId: {
        default: null,
        parseHTML: (el: HTMLElement) => {
          const v = el.getAttribute('data-media-id');
          return v ? Number(v) : null;
        },
        renderHTML: (a: Record<string, unknown>) => (a.mediaId ? { 'data-media-id': a.mediaId } : {}),
      },
    };
  },
  addCommands() {
    return {
      ...this.parent?.(),
      setFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
  addNodeView() {
    return ReactNodeViewRenderer(ImageView);
  },
}).configure({ inline: false, allowBase64: false, resize: false });

export function buildExtensions(placeholder: string, onMediaRemoved: ((count: number, kind: 'image' | 'embed') => void) | null = null): Extensions {
  return [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      underline: false,
      heading: { levels: [2, 3, 4] },
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https', HTMLAttributes: { rel: 'noopener nofollow', target: null } },
    }),
    Figure,
    Embed,
    Gallery,
    Video,
    ImportedHtml,
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Placeholder.configure({ placeholder }),
    MediaGuard.configure({ onRemoved: onMediaRemoved }),
  ];
}
