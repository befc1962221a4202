/** "My assignments": the signed-in person's open work, soonest due first, overdue marked; done this week below. */
import { ErrorBox, Spinner, errorText, useLoad } from '../components/ui';
import { LocaleChip } from '../components/locale';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { notify } from '../toast';
import { usePageTitle } from '../title';
import { DueLabel } from './DeskPanel';
import { desk, type Assignment } from './desk.api';

export function MyAssignmentsPage() {
  const i = useI18n();
  usePageTitle(i.t('collab.myAssignments'));
  const list = useLoad((signal) => desk.mine(signal), []);
  const items = list.data?.items ?? [];
  const open = items.filter((a) => a.status === 'open');
  const done = items.filter((a) => a.status === 'done');
  const complete = async (a: Assignment) => {
    try {
      await desk.complete(a);
      notify(i.t('collab.doneToast'), 'success');
      list.reload();
    } catch (e) {
      notify(errorText(e, i), 'error');
    }
  };
  const card = (a: Assignment) => (
    <li key={a.id} className={`collab-card${a.overdue ? ' overdue' : ''}${a.status === 'done' ? ' done' : ''}`}>
      <div className="collab-card-main">
        <Link to={`/stories/${a.editionId}`} className="collab-card-title">
          {a.headline || i.t('notif.untitled')}
        </Link>
        <div className="collab-row">
          <LocaleChip locale={a.locale} />
          {a.status === 'open' ? <DueLabel a={a} /> : <span className="muted small">{i.t('collab.doneAt', { at: i.dayTime(new Date(a.doneAt!)) })}</span>}
          {a.assignedBy && <span className="muted small">{i.t('collab.assignedBy', { who: a.assignedBy })}</span>}
        </div>
        {a.note && <div className="collab-note">{a.note}</div>}
      </div>
      {a.status === 'open' && (
        <button type="button" className="btn btn-small" onClick={() => void complete(a)}>
          {i.t('collab.markDone')}
        </button>
      )}
    </li>
  );
  return (
    <div className="page">
      <div className="page-head">
        <h1>{i.t('collab.myAssignments')}</h1>
      </div>
      {list.loading && !list.data ? <Spinner /> : <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && open.length === 0 && <p className="empty-text muted">{i.t('collab.mineEmpty')}</p>}
      <ul className="collab-cards">{open.map(card)}</ul>
      {done.length > 0 && (
        <>
          <h2 className="collab-h">{i.t('collab.doneRecently')}</h2>
          <ul className="collab-cards">{done.map(card)}</ul>
        </>
      )}
    </div>
  );
}
