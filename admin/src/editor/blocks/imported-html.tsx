/**
 * `{ type: 'html', attrs: { html } }`: markup an import could not turn into the document's blocks
 * (src/import/html-to-doc.ts), already sanitised by the server. The editor keeps it as one block
 * (so a save does not drop it), shows its text and lets the editor remove it once rewritten.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { useI18n } from '../../i18n';

function textOf(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function ImportedHtmlView({ node, selected, deleteNode, editor }: ReactNodeViewProps) {
  const i = useI18n();
  const text = textOf(String(node.attrs.html ?? ''));
  return (
    <NodeViewWrapper className={`imported-html-node${selected ? ' is-selected' : ''}`} data-drag-handle="">
      <span className="embed-badge">{i.t('editor.importedHtml')}</span>
      <span className="imported-html-text" contentEditable={false}>{text || '—'}</span>
      {editor.isEditable && (
        <button type="button" className="icon-btn embed-remove" aria-label={i.t('editor.importedHtmlRemove')} title={i.t('editor.importedHtmlRemove')} onClick={() => deleteNode()}>
          ×
        </button>
      )}
    </NodeViewWrapper>
  );
}

export const ImportedHtml = Node.create({
  name: 'html',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { html: { default: '', parseHTML: (el) => el.getAttribute('data-html') ?? '', renderHTML: (a) => ({ 'data-html': a.html }) } };
  },
  parseHTML() {
    return [{ tag: 'div[data-imported-html]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-imported-html': '' }, HTMLAttributes)];
  },
  addNodeView() {
    return ReactNodeViewRenderer(ImportedHtmlView);
  },
});
