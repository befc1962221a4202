/** The newsroom's list pages: their head (title and «New …» button) and their table of rows with actions. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Icon } from './ui';

/**
 * A scrollable table with one header per column and a last, visually hidden «Actions» header over
 * the rows' buttons; `after` stands below the table inside the same scroll box.
 */
export function ListTable({ columns, children, after, testId }: { columns: ReactNode; children: ReactNode; after?: ReactNode; testId?: string }) {
  const i = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {columns}
            <th>
              <span className="sr-only">{i.t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {after}
    </div>
  );
}

/** A list page's title with its «New …» button last; `children` stand between them. */
export function ListPageHead({ title, newLabel, onNew, children }: { title: string; newLabel: string; onNew(): void; children?: ReactNode }) {
  return (
    <header className="page-head">
      <h1>{title}</h1>
      {children}
      <button type="button" className="btn btn-primary" onClick={onNew}>
        <Icon name="plus" size={16} /> {newLabel}
      </button>
    </header>
  );
}
