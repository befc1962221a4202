/** The audit log (admin). */
import { useState } from 'react';
import { api } from '../api';
import { ErrorBox, Pagination, Spinner, useLoad } from '../components/ui';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { usePageTitle } from '../title';
import type { AuditEntry, Page } from '../types';

function detailsText(d: unknown): string {
  if (d === null || d === undefined || d === '') return '';
  if (typeof d === 'string') return d;
  if (typeof d === 'object') {
    return Object.entries(d as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' · ');
  }
  return String(d);
}

export function AuditPage() {
  const i = useI18n();
  usePageTitle(i.t('audit.title'));
  const [page, setPage] = useState(1);
  const res = useLoad((signal) => api.get<Page<AuditEntry>>('/audit', { page }, signal), [page]);
  return (
    <div className="page">
      <header className="page-head">
        <h1>{i.t('audit.title')}</h1>
      </header>
      <ErrorBox error={res.error} onRetry={res.reload} />
      {res.loading && !res.data ? (
        <Spinner />
      ) : res.data && res.data.items.length === 0 ? (
        <div className="empty">{i.t('audit.empty')}</div>
      ) : res.data ? (
        <>
          <div className={`table-wrap${res.loading ? ' is-loading' : ''}`}>
            <table className="table table-audit">
              <thead>
                <tr>
                  <th>{i.t('audit.when')}</th>
                  <th>{i.t('audit.who')}</th>
                  <th>{i.t('audit.action')}</th>
                  <th>{i.t('audit.entity')}</th>
                  <th>{i.t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {res.data.items.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{i.dateTime(e.at)}</td>
                    <td data-label={i.t('audit.who')}>{e.user?.name ?? <span className="muted">{i.t('audit.system')}</span>}</td>
                    <td data-label={i.t('audit.action')}>
                      <code className="code-chip">{e.action}</code>
                    </td>
                    <td data-label={i.t('audit.entity')} className="nowrap">
                      {e.entity === 'edition' && e.entityId ? (
                        <Link to={`/stories/${e.entityId}`}>
                          {e.entity} #{e.entityId}
                        </Link>
                      ) : (
                        <>
                          {e.entity}
                          {e.entityId !== null && e.entityId !== undefined ? ` #${e.entityId}` : ''}
                        </>
                      )}
                    </td>
                    <td className="muted audit-details" data-label={i.t('audit.details')}>
                      {detailsText(e.details)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={res.data.page} pages={res.data.pages} total={res.data.total} onPage={setPage} />
        </>
      ) : null}
    </div>
  );
}
