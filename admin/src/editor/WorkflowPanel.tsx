/**
 * The story's workflow: the status buttons in the editor bar, the publishing panel in the sidebar,
 * and the dialogs those open (schedule, unpublish, send back, delete, sync, revisions).
 */
import type { ReactNode } from 'react';
import { ConfirmDialog, Icon, StatusBadge } from '../components/ui';
import { useI18n } from '../i18n';
import type { Edition, RevisionItem, Status } from '../types';
import { ExpiryControl } from './ExpiryControl';
import { ScheduleDialog, SyncDiffDialog } from './dialogs';
import { History, Panel, ReturnedNotice } from './panels';
import { RevisionsDialog } from './revisions';

export type EditorDialog = 'schedule' | 'unpublish' | 'sendBack' | 'delete' | 'revisions' | 'syncDiff' | 'resync' | 'acceptUpdate';

export function WorkflowButtons({ status, can, busy, onTransition, onDialog }: { status: Status; can: Edition['can']; busy: string | null; onTransition(to: Status): void; onDialog(d: 'schedule' | 'unpublish' | 'sendBack' | 'delete'): void }) {
  const i = useI18n();
  const b: ReactNode[] = [];
  const dis = busy !== null;
  if (status === 'draft' && can.submit)
    b.push(
      <button key="submit" type="button" className={`btn btn-small ${can.publish ? '' : 'btn-primary'}`} disabled={dis} onClick={() => onTransition('review')}>
        {i.t('editor.submit')}
      </button>,
    );
  if (status === 'review' && can.edit)
    b.push(
      <button key="back" type="button" className="btn btn-small" disabled={dis} onClick={() => onDialog('sendBack')}>
        {i.t('editor.sendBack')}
      </button>,
    );
  if (status === 'scheduled' && (can.schedule || can.edit))
    b.push(
      <button key="cancel" type="button" className="btn btn-small" disabled={dis} onClick={() => onTransition('draft')}>
        {i.t('editor.cancelSchedule')}
      </button>,
    );
  if (status === 'unpublished' && can.edit)
    b.push(
      <button key="todraft" type="button" className="btn btn-small" disabled={dis} onClick={() => onTransition('draft')}>
        {i.t('editor.backToDraft')}
      </button>,
    );
  if (can.schedule && status !== 'published')
    b.push(
      <button key="schedule" type="button" className="btn btn-small" disabled={dis} onClick={() => onDialog('schedule')}>
        {status === 'scheduled' ? i.t('editor.reschedule') : i.t('editor.scheduleDots')}
      </button>,
    );
  if (can.publish && status !== 'published')
    b.push(
      <button key="publish" type="button" className="btn btn-small btn-primary" disabled={dis} onClick={() => onTransition('published')}>
        {busy === 'published' ? i.t('common.working') : i.t('editor.publishNow')}
      </button>,
    );
  if (can.unpublish && status === 'published')
    b.push(
      <button key="unpublish" type="button" className="btn btn-small btn-danger-outline" disabled={dis} onClick={() => onDialog('unpublish')}>
        {i.t('editor.unpublishDots')}
      </button>,
    );
  if (can.delete)
    b.push(
      <button key="delete" type="button" className="icon-btn icon-btn-danger" disabled={dis} title={i.t('common.delete')} aria-label={i.t('common.delete')} onClick={() => onDialog('delete')}>
        <Icon name="trash" size={17} />
      </button>,
    );
  return <span className="workflow">{b}</span>;
}

export function PublishingPanel({ ed }: { ed: Edition }) {
  const i = useI18n();
  return (
    <Panel title={i.t('editor.publishing')} id="panel-publishing">
      <dl className="kv kv-small">
        <dt>{i.t('editor.status')}</dt>
        <dd>
          <StatusBadge status={ed.status} embargoUntil={ed.embargoUntil} />
        </dd>
        {ed.publishedAt && (
          <>
            <dt>{i.t('editor.publishedAt')}</dt>
            <dd>{i.dateTime(ed.publishedAt)}</dd>
          </>
        )}
        {ed.scheduledAt && ed.status === 'scheduled' && (
          <>
            <dt>{i.t('editor.scheduledAt')}</dt>
            <dd>{i.dateTime(ed.scheduledAt)}</dd>
          </>
        )}
        <dt>{i.t('editor.createdBy')}</dt>
        <dd>
          {ed.createdBy?.name ?? '—'} · {i.date(ed.createdAt)}
        </dd>
        <dt>{i.t('editor.version')}</dt>
        <dd>v{ed.version}</dd>
      </dl>
      <ReturnedNotice ed={ed} />
      <ExpiryControl editionId={ed.id} status={ed.status} />
      <h3 className="subhead">{i.t('editor.history')}</h3>
      <History transitions={ed.transitions} />
    </Panel>
  );
}

type DialogsProps = {
  dialog: EditorDialog | null;
  setDialog(d: EditorDialog | null): void;
  ed: Edition;
  headline: string;
  editable: boolean;
  transition(to: Status, extra?: { at?: string; reason?: string }): Promise<void>;
  deleteStory(): Promise<void>;
  resync(): Promise<void>;
  restore(rev: RevisionItem, storyFields: boolean): Promise<void>;
};

export function WorkflowDialogs({ dialog, setDialog, ed, headline, editable, transition, deleteStory, resync, restore }: DialogsProps) {
  const i = useI18n();
  const can = ed.can;
  const id = ed.id;
  return (
    <>
  <ScheduleDialog open={dialog === 'schedule'} initial={ed.scheduledAt} onClose={() => setDialog(null)} onSchedule={(at) => transition('scheduled', { at })} />
  <ConfirmDialog
    open={dialog === 'unpublish'}
    title={i.t('editor.unpublishTitle')}
    message={i.t('editor.unpublishMessage')}
    inputLabel={i.t('editor.unpublishReason')}
    inputRequired
    confirmLabel={i.t('editor.unpublish')}
    danger
    onConfirm={(reason) => transition('unpublished', { reason })}
    onClose={() => setDialog(null)}
  />
  <ConfirmDialog
    open={dialog === 'sendBack'}
    title={i.t('rev.sendBackTitle')}
    message={i.t('rev.sendBackMessage')}
    inputLabel={i.t('rev.sendBackReason')}
    inputRequired
    confirmLabel={i.t('rev.sendBackOk')}
    onConfirm={(reason) => transition('draft', { reason })}
    onClose={() => setDialog(null)}
  />
  <ConfirmDialog
    open={dialog === 'delete'}
    title={i.t('editor.deleteTitle')}
    message={i.t('editor.deleteMessage', { headline: headline || i.t('stories.untitled') })}
    confirmLabel={i.t('common.delete')}
    danger
    onConfirm={deleteStory}
    onClose={() => setDialog(null)}
  />
  <SyncDiffDialog
    open={dialog === 'syncDiff'}
    editionId={id}
    version={ed.version}
    onClose={() => setDialog(null)}
    onResync={editable && ed.sync === 'diverged' ? () => setDialog('resync') : can.acceptUpdate ? () => setDialog('acceptUpdate') : undefined}
  />
  <ConfirmDialog
    open={dialog === 'acceptUpdate'}
    title={i.t('ed.acceptUpdateTitle')}
    message={i.t(ed.status === 'published' || ed.status === 'scheduled' ? 'ed.acceptUpdateMessageLive' : 'ed.acceptUpdateMessage')}
    confirmLabel={i.t('ed.acceptUpdate')}
    onConfirm={resync}
    onClose={() => setDialog(null)}
  />
  <ConfirmDialog
    open={dialog === 'resync'}
    title={i.t('ed.resyncTitle')}
    message={i.t('ed.resyncMessage')}
    confirmLabel={i.t('ed.resync')}
    danger
    onConfirm={resync}
    onClose={() => setDialog(null)}
  />
  <RevisionsDialog open={dialog === 'revisions'} edition={ed} canRestore={editable} onClose={() => setDialog(null)} onRestore={restore} />
    </>
  );
}
