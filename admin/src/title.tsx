/** The browser tab title, and a breadcrumb in the top bar for pages deeper than a list. */
import { useEffect, useSyncExternalStore } from 'react';
import { Link } from './router';

interface Crumb {
  parent: { to: string; label: string } | null;
  title: string;
}

let current: Crumb = { parent: null, title: '' };
const listeners = new Set<() => void>();

export function usePageTitle(title: string, parent?: { to: string; label: string }): void {
  const pTo = parent?.to;
  const pLabel = parent?.label;
  useEffect(() => {
    current = { parent: pTo && pLabel ? { to: pTo, label: pLabel } : null, title };
    document.title = title ? `${title} · Xabar` : 'Xabar';
    listeners.forEach((l) => l());
  }, [title, pTo, pLabel]);
}

export function TopbarTitle() {
  const c = useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => current,
  );
  return (
    <div className="topbar-title">
      <span className="topbar-brand">Xabar</span>
      {c.parent && (
        <>
          <Link to={c.parent.to} className="crumb-link">
            {c.parent.label}
          </Link>
          <span className="crumb-sep" aria-hidden="true">
            ›
          </span>
          {/* The page's own heading: a page deeper than a list (the story editor) has no other. */}
          <h1 className="crumb-current">{c.title}</h1>
        </>
      )}
    </div>
  );
}
