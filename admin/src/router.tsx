/**
 * A tiny history-API router for paths under /admin/. Routes are matched by the pages themselves
 * (see App); navigation can be guarded (the story editor asks before leaving unsaved changes).
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export const BASE = '/admin';

type Guard = () => boolean; // return false to stay
let guard: Guard | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

window.addEventListener('popstate', emit);

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function snapshot(): string {
  return location.pathname + location.search;
}

export interface Location {
  /** path below /admin, always starting with "/" (e.g. "/stories/12") */
  path: string;
  search: URLSearchParams;
  href: string;
}

let cachedHref = '';
let cachedLoc: Location = { path: '/', search: new URLSearchParams(), href: '' };

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  if (href !== cachedHref) {
    cachedHref = href;
    let p = location.pathname;
    if (p.startsWith(BASE)) p = p.slice(BASE.length);
    if (!p.startsWith('/')) p = '/' + p;
    if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
    cachedLoc = { path: p, search: new URLSearchParams(location.search), href };
  }
  return cachedLoc;
}

/** Full URL for an app path ("/stories" → "/admin/stories"). */
export function href(path: string): string {
  if (path.startsWith(BASE + '/') || path === BASE) return path;
  return BASE + (path.startsWith('/') ? path : '/' + path);
}

export function navigate(path: string, opts: { replace?: boolean; force?: boolean } = {}): void {
  const url = href(path);
  if (url === location.pathname + location.search) return;
  if (!opts.force && guard && !guard()) return;
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  emit();
}

/** Installs a guard consulted before in-app navigation; returns the remover. */
export function setNavigationGuard(fn: Guard | null): () => void {
  guard = fn;
  return () => {
    if (guard === fn) guard = null;
  };
}

export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const v = b[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(v);
    else if (p !== v) return null;
  }
  return params;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const url = href(to);
  return (
    <a
      {...rest}
      href={url}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || rest.target) return;
        e.preventDefault();
        navigate(to);
      }}
    />
  );
}
