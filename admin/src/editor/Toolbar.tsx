/** The formatting toolbar above the body, with the link and embed dialogs. */
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { Dialog, Field, Icon, FormFooter } from '../components/ui';
import { useI18n } from '../i18n';
import { detectEmbed } from './text';
import { BlockButtons } from './blocks/BlockButtons';

interface Props {
  editor: Editor;
  onImage(): void;
  disabled?: boolean;
}

export function Toolbar({ editor, onImage, disabled }: Props) {
  const i = useI18n();
  const [linkOpen, setLinkOpen] = useState(false);
  const [embedOpen, setEmbedOpen] = useState(false);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      editable: e.isEditable,
    }),
  });
  const off = disabled || !s.editable;
  const block = s.h2 ? 'h2' : s.h3 ? 'h3' : s.h4 ? 'h4' : 'p';
  const chain = () => editor.chain().focus();

  // One Tab stop for the whole toolbar (WAI-ARIA toolbar pattern): Tab goes headline → lead →
  // toolbar → body; the arrow keys, Home and End move between its controls.
  const bar = useRef<HTMLDivElement>(null);
  const current = useRef(0);
  const controls = () => [...(bar.current?.querySelectorAll<HTMLElement>('button:not(:disabled), select:not(:disabled)') ?? [])].filter((el) => el.closest('[role="toolbar"]') === bar.current);
  useLayoutEffect(() => {
    const list = controls();
    if (current.current >= list.length) current.current = 0;
    list.forEach((el, n) => (el.tabIndex = n === current.current ? 0 : -1));
  });
  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const list = controls();
    const at = list.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const to = e.key === 'ArrowRight' ? (at + 1) % list.length : e.key === 'ArrowLeft' ? (at - 1 + list.length) % list.length : e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : -1;
    if (to < 0 || (e.target instanceof HTMLSelectElement && e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    list.forEach((el, n) => (el.tabIndex = n === to ? 0 : -1));
    current.current = to;
    list[to]!.focus();
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={i.t('editor.toolbar')} ref={bar} onKeyDown={onKeyDown}>
      <select
        className="input toolbar-select"
        aria-label={i.t('editor.textStyle')}
        value={block}
        disabled={off}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'p') chain().setParagraph().run();
          else chain().setHeading({ level: Number(v.slice(1)) as 2 | 3 | 4 }).run();
        }}
      >
        <option value="p">{i.t('editor.paragraph')}</option>
        <option value="h2">{i.t('editor.heading', { n: 2 })}</option>
        <option value="h3">{i.t('editor.heading', { n: 3 })}</option>
        <option value="h4">{i.t('editor.heading', { n: 4 })}</option>
      </select>
      <Sep />
      <TB label={i.t('editor.bold') + ' (Ctrl+B)'} active={s.bold} disabled={off} onClick={() => chain().toggleBold().run()}>
        <b>B</b>
      </TB>
      <TB label={i.t('editor.italic') + ' (Ctrl+I)'} active={s.italic} disabled={off} onClick={() => chain().toggleItalic().run()}>
        <i style={{ fontFamily: 'Georgia, serif' }}>I</i>
      </TB>
      <TB label={i.t('editor.strike')} active={s.strike} disabled={off} onClick={() => chain().toggleStrike().run()}>
        <s>S</s>
      </TB>
      <TB label={i.t('editor.link') + ' (Ctrl+K)'} active={s.link} disabled={off} onClick={() => setLinkOpen(true)}>
        <Icon name="link" size={17} />
      </TB>
      <Sep />
      <TB label={i.t('editor.bulletList')} active={s.bullet} disabled={off} onClick={() => chain().toggleBulletList().run()}>
        <Icon name="bulletList" size={17} />
      </TB>
      <TB label={i.t('editor.orderedList')} active={s.ordered} disabled={off} onClick={() => chain().toggleOrderedList().run()}>
        <Icon name="orderedList" size={17} />
      </TB>
      <TB label={i.t('editor.quote')} active={s.quote} disabled={off} onClick={() => chain().toggleBlockquote().run()}>
        <Icon name="quote" size={17} />
      </TB>
      <TB label={i.t('editor.hr')} disabled={off} onClick={() => chain().setHorizontalRule().run()}>
        <Icon name="hr" size={17} />
      </TB>
      <Sep />
      <TB label={i.t('editor.image')} disabled={off} onClick={onImage}>
        <Icon name="image" size={17} />
      </TB>
      <TB label={i.t('editor.embed')} disabled={off} onClick={() => setEmbedOpen(true)}>
        <Icon name="embed" size={17} />
      </TB>
      <BlockButtons editor={editor} disabled={off} />
      <TB label={i.t('editor.table')} active={s.table} disabled={off || s.table} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
        <Icon name="table" size={17} />
      </TB>
      {s.table && !off && (
        <span className="toolbar-group toolbar-table">
          <TB label={i.t('editor.rowAfter')} onClick={() => chain().addRowAfter().run()}>
            <Icon name="rowAdd" size={17} />
          </TB>
          <TB label={i.t('editor.colAfter')} onClick={() => chain().addColumnAfter().run()}>
            <Icon name="colAdd" size={17} />
          </TB>
          <TB label={i.t('editor.rowDelete')} onClick={() => chain().deleteRow().run()}>
            <Icon name="rowDel" size={17} />
          </TB>
          <TB label={i.t('editor.colDelete')} onClick={() => chain().deleteColumn().run()}>
            <Icon name="colDel" size={17} />
          </TB>
          <TB label={i.t('editor.headerRow')} onClick={() => chain().toggleHeaderRow().run()}>
            <span className="tb-text">TH</span>
          </TB>
          <TB label={i.t('editor.tableDelete')} onClick={() => chain().deleteTable().run()}>
            <Icon name="trash" size={17} />
          </TB>
        </span>
      )}
      <span className="toolbar-spacer" />
      <TB label={i.t('editor.undo') + ' (Ctrl+Z)'} disabled={off || !s.canUndo} onClick={() => chain().undo().run()}>
        <Icon name="undo" size={17} />
      </TB>
      <TB label={i.t('editor.redo') + ' (Ctrl+Shift+Z)'} disabled={off || !s.canRedo} onClick={() => chain().redo().run()}>
        <Icon name="redo" size={17} />
      </TB>
      <LinkDialog editor={editor} open={linkOpen} onClose={() => setLinkOpen(false)} />
      <EmbedDialog editor={editor} open={embedOpen} onClose={() => setEmbedOpen(false)} />
      <LinkShortcut editor={editor} onOpen={() => !off && setLinkOpen(true)} />
    </div>
  );
}

function TB({ label, active, disabled, onClick, children }: { label: string; active?: boolean; disabled?: boolean; onClick(): void; children: ReactNode }) {
  return (
    <button
      type="button"
      className={`tb${active ? ' active' : ''}`}
      title={label}
      aria-label={label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function Sep() {
  return <span className="toolbar-sep" aria-hidden="true" />;
}

/** Ctrl/Cmd+K opens the link dialog while the body has focus. */
function LinkShortcut({ editor, onOpen }: { editor: Editor; onOpen(): void }) {
  useEffect(() => {
    const dom = editor.view.dom;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        onOpen();
      }
    };
    dom.addEventListener('keydown', onKey);
    return () => dom.removeEventListener('keydown', onKey);
  }, [editor, onOpen]);
  return null;
}

export function normalizeHref(raw: string): string | null {
  const v = raw.trim();
  if (!v) return null;
  if (/^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(v)) return v;
  if (/^[\w.-]+\.[a-z]{2,}(\/|$|\?)/i.test(v)) return `https://${v}`;
  if (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(v)) return `mailto:${v}`;
  return null;
}

function LinkDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose(): void }) {
  const i = useI18n();
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [hasSelection, setHasSelection] = useState(false);
  useEffect(() => {
    if (!open) return;
    const current = String(editor.getAttributes('link').href ?? '');
    setUrl(current);
    setText('');
    setError('');
    setHasSelection(!editor.state.selection.empty || editor.isActive('link'));
  }, [open, editor]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!url.trim()) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    const href = normalizeHref(url);
    if (!href) {
      setError(i.t('editor.linkInvalid'));
      return;
    }
    if (hasSelection) editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    else {
      const label = text.trim() || href;
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: label, marks: [{ type: 'link', attrs: { href } }] })
        .unsetMark('link')
        .insertContent(' ')
        .run();
    }
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={i.t('editor.link')}
      footer={
        <>
          {editor.isActive('link') && (
            <button
              type="button"
              className="btn btn-danger-outline footer-left"
              onClick={() => {
                editor.chain().focus().extendMarkRange('link').unsetLink().run();
                onClose();
              }}
            >
              {i.t('editor.unlink')}
            </button>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {i.t('common.cancel')}
          </button>
          <button type="submit" form="link-form" className="btn btn-primary">
            {i.t('common.apply')}
          </button>
        </>
      }
    >
      <form id="link-form" onSubmit={submit}>
        <Field label={i.t('editor.linkUrl')} error={error || undefined}>
          <input className="input" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" autoFocus inputMode="url" />
        </Field>
        {!hasSelection && (
          <Field label={i.t('editor.linkText')}>
            <input className="input" value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
        )}
      </form>
    </Dialog>
  );
}

function EmbedDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose(): void }) {
  const i = useI18n();
  const [url, setUrl] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (open) {
      setUrl('');
      setTouched(false);
    }
  }, [open]);
  const found = detectEmbed(url);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!found) return;
    editor.chain().focus().setEmbed(found).run();
    onClose();
  };
  const label = found ? { youtube: 'YouTube', telegram: 'Telegram', x: 'X (Twitter)' }[found.provider] : '';
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={i.t('editor.embed')}
      footer={<FormFooter form="embed-form" submitLabel={i.t('editor.embedInsert')} onCancel={onClose} disabled={!found} />}
    >
      <form id="embed-form" onSubmit={submit}>
        <Field
          label={i.t('editor.embedUrl')}
          error={touched && url && !found ? i.t('editor.embedInvalid') : undefined}
          hint={found ? i.t('editor.embedDetected', { provider: label }) : i.t('editor.embedHint')}
        >
          <input className="input" value={url} onChange={(e) => setUrl(e.target.value)} onBlur={() => setTouched(true)} placeholder="https://youtu.be/… · https://t.me/…/123 · https://x.com/…/status/…" autoFocus inputMode="url" />
        </Field>
      </form>
    </Dialog>
  );
}
