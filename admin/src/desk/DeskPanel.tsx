/**
 * The story editor's desk panel: who the story is assigned to (editors assign, reassign; the
 * assignee marks it done) and the internal comments, threaded, with @mentions. Nothing here is
 * ever shown to readers: it lives in its own tables and API.
 */
import { useState, type ReactNode } from 'react';
import { ConfirmDialog, ErrorBox, Field, Spinner, errorText, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { notify } from '../toast';
import { roleAtLeast } from '../types';
import { Panel } from '../editor/panels';
import { Composer } from './Composer';
import { desk, localToIso, MENTION, tokensToNames, type Assignment, type Comment, type Person } from './desk.api';

export function DeskPanel({ editionId }: { editionId: number }) {
  const i = useI18n();
  return (
    <Panel title={i.t('collab.panel')} id="panel-desk" collapsible>
      <Assignments editionId={editionId} />
      <Comments editionId={editionId} />
    </Panel>
  );
}

/* ---------- assignments ---------- */

export function DueLabel({ a }: { a: Pick<Assignment, 'dueAt' | 'overdue' | 'status'> }) {
  const i = useI18n();
  if (a.dueAt === null) return <span className="muted small">{i.t('collab.noDue')}</span>;
  return (
    <span className={`collab-due${a.overdue ? ' overdue' : ''}`}>
      {i.t('collab.due', { at: i.dayTime(new Date(a.dueAt)) })}
      {a.overdue && <strong className="collab-overdue">{i.t('collab.overdue')}</strong>}
    </span>
  );
}

function Assignments({ editionId }: { editionId: number }) {
  const i = useI18n();
  const { user } = useSession();
  const editor = roleAtLeast(user?.role, 'editor');
  const list = useLoad((signal) => desk.assignments(editionId, signal), [editionId]);
  const people = useLoad((signal) => (editor ? desk.people(editionId, '', signal) : Promise.resolve({ items: [] as Person[] })), [editionId, editor]);
  const [adding, setAdding] = useState(false);
  const open = (list.data?.items ?? []).filter((a) => a.status === 'open');

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notify(done, 'success');
      list.reload();
    } catch (e) {
      notify(errorText(e, i), 'error');
    }
  };

  return (
    <div className="collab-section">
      <h3 className="collab-h">{i.t('collab.assignments')}</h3>
      {list.loading && !list.data ? <Spinner /> : <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && open.length === 0 && <p className="muted small">{i.t('collab.noAssignments')}</p>}
      <ul className="collab-assignments">
        {open.map((a) => (
          <li key={a.id} className={a.overdue ? 'overdue' : ''}>
            <div>
              <strong>{a.assignee.name}</strong> {!a.wholeStory && <span className="muted small">· {i.t('collab.thisEdition')}</span>}
            </div>
            <DueLabel a={a} />
            {a.note && <div className="collab-note">{a.note}</div>}
            <div className="collab-row">
              {(a.assignee.id === user?.id || editor) && (
                <button type="button" className="btn btn-small" onClick={() => void act(() => desk.complete(a), i.t('collab.doneToast'))}>
                  {i.t('collab.markDone')}
                </button>
              )}
              {editor && (
                <label className="collab-reassign">
                  <span className="sr-only">{i.t('collab.reassign')}</span>
                  <select className="input" value="" onChange={(e) => e.target.value && void act(() => desk.update(a.id, { version: a.version, assigneeId: Number(e.target.value) }), i.t('collab.reassignedToast'))}>
                    <option value="">{i.t('collab.reassign')}…</option>
                    {(people.data?.items ?? []).filter((p) => p.id !== a.assignee.id).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
          </li>
        ))}
      </ul>
      {editor && !adding && (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setAdding(true)}>
          {i.t('collab.assign')}
        </button>
      )}
      {editor && adding && <AssignForm editionId={editionId} people={people.data?.items ?? []} onDone={() => (setAdding(false), list.reload())} onCancel={() => setAdding(false)} />}
    </div>
  );
}

function AssignForm({ editionId, people, onDone, onCancel }: { editionId: number; people: Person[]; onDone(): void; onCancel(): void }) {
  const i = useI18n();
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [edition, setEdition] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const submit = async () => {
    setError(null);
    setFields({});
    try {
      await desk.assign(editionId, { assigneeId: Number(assignee), dueAt: localToIso(due), note, wholeStory: !edition });
      notify(i.t('collab.assignedToast'), 'success');
      onDone();
    } catch (e) {
      const f = (e as { fields?: Record<string, string> }).fields ?? {};
      if (Object.keys(f).length) setFields(f);
      else setError(e);
    }
  };
  return (
    <form className="collab-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Field label={i.t('collab.assignee')} error={fields.assigneeId}>
        <select className="input" value={assignee} onChange={(e) => setAssignee(e.target.value)} required>
          <option value="">—</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={i.t('collab.dueAt')} error={fields.dueAt}>
        <input className="input" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
      </Field>
      <Field label={i.t('collab.note')} error={fields.note}>
        <textarea className="input" rows={2} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={edition} onChange={(e) => setEdition(e.target.checked)} /> {i.t('collab.onlyThisEdition')}
      </label>
      <ErrorBox error={error} />
      <div className="collab-row">
        <button type="submit" className="btn btn-small" disabled={!assignee}>
          {i.t('collab.assignSubmit')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onCancel}>
          {i.t('collab.cancel')}
        </button>
      </div>
    </form>
  );
}

/* ---------- comments ---------- */

/** The comment text with `@{id}` shown as highlighted names. */
function Body({ c }: { c: Comment }) {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of c.body.matchAll(MENTION)) {
    out.push(c.body.slice(last, m.index));
    out.push(
      <span key={m.index} className="mention">
        @{c.names[m[1]!] ?? '?'}
      </span>,
    );
    last = m.index! + m[0].length;
  }
  out.push(c.body.slice(last));
  return <div className="collab-body">{out}</div>;
}

function Comments({ editionId }: { editionId: number }) {
  const i = useI18n();
  const { user } = useSession();
  const list = useLoad((signal) => desk.comments(editionId, signal), [editionId]);
  const [replyTo, setReplyTo] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<Comment | null>(null);
  const items = list.data?.items ?? [];
  const set = (r: { items: Comment[] }) => list.setData(r);
  // Threads: every comment under its root (replies to replies stay in the root's thread).
  const byId = new Map(items.map((c) => [c.id, c]));
  const rootOf = (c: Comment): number => {
    let r = c;
    for (let n = 0; r.parentId !== null && byId.has(r.parentId) && n < 50; n++) r = byId.get(r.parentId)!;
    return r.id;
  };
  const roots = items.filter((c) => c.parentId === null || !byId.has(c.parentId));
  const replies = (root: number) => items.filter((c) => c.id !== root && rootOf(c) === root);

  const remove = async (c: Comment) => {
    try {
      set(await desk.deleteComment(c.id));
    } catch (e) {
      notify(errorText(e, i), 'error');
    }
    setRemoving(null);
  };

  const one = (c: Comment, reply: boolean) => (
    <li key={c.id} className={`collab-comment${reply ? ' reply' : ''}`} id={`comment-${c.id}`}>
      <div className="collab-meta">
        <strong>{c.author?.name ?? '—'}</strong>
        <time className="muted small" dateTime={new Date(c.createdAt).toISOString()}>
          {i.dayTime(new Date(c.createdAt))}
        </time>
        {c.editedAt && !c.deleted && <span className="muted small">· {i.t('collab.edited')}</span>}
      </div>
      {c.deleted ? (
        <div className="collab-body muted">{i.t('collab.deleted')}</div>
      ) : editing === c.id ? (
        (() => {
          const { text, chosen } = tokensToNames(c.body, c.names);
          return <Composer editionId={editionId} initial={text} initialChosen={chosen} autoFocus label={i.t('collab.editLabel')} submitLabel={i.t('collab.save')} onCancel={() => setEditing(null)} onSubmit={async (body) => (set(await desk.editComment(c.id, body)), setEditing(null))} />;
        })()
      ) : (
        <Body c={c} />
      )}
      {!c.deleted && editing !== c.id && (
        <div className="collab-actions">
          <button type="button" className="collab-link" onClick={() => setReplyTo(reply ? rootOf(c) : c.id)}>
            {i.t('collab.reply')}
          </button>
          {c.mine && (
            <button type="button" className="collab-link" onClick={() => setEditing(c.id)}>
              {i.t('collab.edit')}
            </button>
          )}
          {(c.mine || user?.role === 'admin') && (
            <button type="button" className="collab-link danger" onClick={() => setRemoving(c)}>
              {i.t('collab.delete')}
            </button>
          )}
        </div>
      )}
    </li>
  );

  return (
    <div className="collab-section">
      <h3 className="collab-h">{i.t('collab.comments')}</h3>
      <p className="muted small">{i.t('collab.internalHint')}</p>
      {list.loading && !list.data ? <Spinner /> : <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && <p className="muted small">{i.t('collab.noComments')}</p>}
      <ul className="collab-comments">
        {roots.map((r) => (
          <li key={r.id} className="collab-thread">
            <ul>
              {one(r, false)}
              {replies(r.id).map((c) => one(c, true))}
            </ul>
            {replyTo === r.id && (
              <Composer editionId={editionId} autoFocus label={i.t('collab.replyLabel')} submitLabel={i.t('collab.reply')} onCancel={() => setReplyTo(null)} onSubmit={async (body) => (set(await desk.comment(editionId, body, r.id)), setReplyTo(null))} />
            )}
          </li>
        ))}
      </ul>
      <Composer editionId={editionId} label={i.t('collab.commentLabel')} submitLabel={i.t('collab.send')} onSubmit={async (body) => set(await desk.comment(editionId, body, null))} />
      <ConfirmDialog open={removing !== null} title={i.t('collab.deleteConfirm')} confirmLabel={i.t('collab.delete')} danger onConfirm={() => removing && remove(removing)} onClose={() => setRemoving(null)} />
    </div>
  );
}
