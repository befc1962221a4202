/**
 * Keeps photos and embeds from being lost by a stray key. ProseMirror's default replaces a node
 * selection with whatever is typed or pasted: click a photo, press Ctrl+End (the caret stays on the
 * photo), type a letter and the photo is gone. Here typing or pasting over a selected atom block
 * goes after it instead; Backspace/Delete still remove it (undoable), and every removal of a media
 * node is reported so the editor can say so with an Undo button.
 */
import { Extension } from '@tiptap/core';
import { NodeSelection, Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';

const isMedia = (n: PmNode) => n.type.name === 'image' || n.type.name === 'embed' || (n.isBlock && n.isAtom);

/** The selected media node, when the selection is a node selection of one. */
function selectedMedia(state: EditorState): NodeSelection | null {
  const sel = state.selection;
  return sel instanceof NodeSelection && isMedia(sel.node) ? sel : null;
}

/**
 * Moves the caret just after the selected node: into the start of the following text block, or
 * into a new paragraph inserted there. Returns the transaction (not dispatched).
 */
function caretAfter(state: EditorState, sel: NodeSelection): Transaction {
  const after = sel.to;
  const next = state.doc.resolve(after).nodeAfter;
  const tr = state.tr;
  if (next && next.isTextblock) return tr.setSelection(TextSelection.create(tr.doc, after + 1));
  const para = state.schema.nodes.paragraph;
  if (!para) return tr;
  tr.insert(after, para.create());
  return tr.setSelection(TextSelection.create(tr.doc, after + 1));
}

function countMedia(doc: PmNode, from: number, to: number, kinds?: Set<string>): number {
  let n = 0;
  doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (node) => {
    if (isMedia(node)) {
      n++;
      kinds?.add(node.type.name);
    }
    return !node.isAtom;
  });
  return n;
}

/** How many media nodes a transaction's steps removed (undo/redo excluded: they are the user's own). */
function removedMedia(tr: Transaction, kinds: Set<string>): number {
  if (!tr.docChanged || tr.getMeta('history$')) return 0;
  let removed = 0;
  tr.steps.forEach((step, k) => {
    const before = tr.docs[k];
    if (!before) return;
    step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      // Net over the whole transaction: a photo dragged elsewhere is removed and inserted again.
      const after = k + 1 < tr.docs.length ? tr.docs[k + 1]! : tr.doc;
      if (oldEnd > oldStart) removed += countMedia(before, oldStart, oldEnd, kinds);
      if (newEnd > newStart) removed -= countMedia(after, newStart, newEnd);
    });
  });
  return Math.max(0, removed);
}

export interface MediaGuardOptions {
  /** Called after a change that removed photos or embeds (not for undo/redo). */
  onRemoved: ((count: number, kind: 'image' | 'embed') => void) | null;
}

export const MediaGuard = Extension.create<MediaGuardOptions>({
  name: 'mediaGuard',
  addOptions() {
    return { onRemoved: null };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    const typeAfter = (view: EditorView, text: string): boolean => {
      const sel = selectedMedia(view.state);
      if (!sel) return false;
      const tr = caretAfter(view.state, sel);
      tr.insertText(text);
      view.dispatch(tr.scrollIntoView());
      return true;
    };
    return [
      new Plugin({
        key: new PluginKey('mediaGuard'),
        props: {
          handleTextInput: (view, _from, _to, text) => typeAfter(view, text),
          // As DOM handlers: they run before ProseMirror's own keydown, which first reads the
          // browser's selection back (after a click on a photo the browser keeps its caret next to
          // it, so Delete would remove a letter of the next paragraph instead of the photo).
          handleDOMEvents: {
            keydown: (view, event) => {
              if (event.isComposing || !selectedMedia(view.state)) return false;
              const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
              let handled = false;
              if ((event.key === 'Delete' || event.key === 'Backspace') && plain) {
                view.dispatch(view.state.tr.deleteSelection().scrollIntoView());
                handled = true;
              } else if (event.key.length === 1 && plain) handled = typeAfter(view, event.key);
              if (handled) event.preventDefault();
              return handled;
            },
            paste: (view) => {
              // Paste after the node instead of over it; ProseMirror then pastes at the new caret.
              const sel = selectedMedia(view.state);
              if (sel) view.dispatch(caretAfter(view.state, sel));
              return false;
            },
          },
        },
        appendTransaction: (trs) => {
          const kinds = new Set<string>();
          const n = trs.reduce((sum, tr) => sum + removedMedia(tr, kinds), 0);
          if (n > 0 && options.onRemoved) {
            const cb = options.onRemoved;
            const kind = kinds.has('image') ? 'image' : 'embed';
            // After the state is applied, outside ProseMirror's update cycle.
            queueMicrotask(() => cb(n, kind));
          }
          return null;
        },
      }),
    ];
  },
});
