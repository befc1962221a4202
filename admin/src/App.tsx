/** The shell: first-run setup, sign-in, or the sidebar + top bar layout with the page for the URL. */
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from './api';
import { ErrorBox, Icon, Spinner, errorText } from './components/ui';
import { useI18n, UI_LANGS, UI_LANG_NAMES, UI_LANG_SHORT, UI_LANG_TAGS, type MessageKey } from './i18n';
import { Link, matchPath, navigate, useLocation } from './router';
import { useSession } from './session';
import { Toasts, notify } from './toast';
import { TopbarTitle } from './title';
import { roleAtLeast, type Role } from './types';
import { SetupPage, LoginPage, ReauthDialog } from './pages/Auth';
import { EnrolPage, SecondFactorPage } from './pages/TwoFactor';
import { StoriesPage } from './pages/Stories';
import { MediaPage } from './pages/Media';
import { AccountPage } from './pages/Account';
import { UsersPage } from './pages/Users';
import { ApiKeysPage } from './pages/ApiKeys';
import { SettingsPage } from './pages/Settings';
import { TelegramSettingsPage } from './pages/TelegramSettings';
import { TranslitExceptionsPage } from './pages/TranslitExceptions';
import { TaxonomyPage } from './pages/Taxonomy';
import { AuditPage } from './pages/Audit';
import { NotificationsBell } from './desk/Bell';
import { MyAssignmentsPage } from './desk/MyAssignments';
import { PlanningPage } from './pages/Planning';
import { ReviewBadge } from './desk';
import { WebhooksPage } from './pages/Webhooks';

// uPlot and the analytics pages load only when opened.
const AnalyticsPage = lazy(() => import('./analytics/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })));
const StoryAnalyticsPage = lazy(() => import('./analytics/StoryAnalytics'));

// The editor carries Tiptap/ProseMirror: load it only when a story is opened.
const StoryEditorPage = lazy(() => import('./editor/StoryEditor'));

export function App() {
  const session = useSession();
  const loc = useLocation();

  // Keep the URL in step with what is shown: /setup while no user exists, /login when signed out.
  useEffect(() => {
    if (session.loading || session.error) return;
    if (session.needsSetup) {
      if (loc.path !== '/setup') navigate('/setup', { replace: true, force: true });
    } else if (!session.user) {
      if (loc.path !== '/login') {
        const next = loc.path === '/setup' || loc.path === '/' ? '' : `?next=${encodeURIComponent(loc.path + location.search)}`;
        navigate('/login' + next, { replace: true, force: true });
      }
    } else if (loc.path === '/login' || loc.path === '/setup' || loc.path === '/') {
      const next = loc.search.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/stories', { replace: true, force: true });
    }
  }, [session.loading, session.error, session.needsSetup, session.user, loc.path, loc.search]);

  if (session.loading) return <Spinner />;
  if (session.error && !session.user)
    return (
      <main className="auth-wrap">
        <div className="auth-card">
          <ErrorBox error={session.error} onRetry={() => void session.refresh()} />
        </div>
      </main>
    );
  if (session.needsSetup) return <><SetupPage /><Toasts /></>;
  if (!session.user) return <><LoginPage expired={session.expired} /><Toasts /></>;
  // Password accepted, second factor owed: the server refuses everything else until it is given.
  if (session.secondFactor === 'verify') return <><SecondFactorPage /><Toasts /></>;
  if (session.secondFactor === 'enrol') return <><EnrolPage forced /><Toasts /></>;
  return (
    <>
      <Shell>
        <Routes path={loc.path} role={session.user.role} />
      </Shell>
      {session.expired && <ReauthDialog />}
      <Toasts />
    </>
  );
}

function Routes({ path, role }: { path: string; role: Role }) {
  let m: Record<string, string> | null;
  if (path === '/stories') return <StoriesPage />;
  if ((m = matchPath('/stories/:id', path)) && /^\d+$/.test(m.id!))
    return (
      <Suspense fallback={<Spinner />}>
        <StoryEditorPage key={m.id} editionId={Number(m.id)} />
      </Suspense>
    );
  if (path === '/assignments') return <MyAssignmentsPage />;
  if (path === '/analytics') return <Suspense fallback={<Spinner />}><AnalyticsPage /></Suspense>;
  if ((m = matchPath('/analytics/stories/:id', path)) && /^\d+$/.test(m.id!))
    return (
      <Suspense fallback={<Spinner />}>
        <StoryAnalyticsPage key={m.id} editionId={Number(m.id)} />
      </Suspense>
    );
  if (path === '/planning') return <PlanningPage />;
  if (path === '/media') return <MediaPage />;
  if (path === '/account') return <AccountPage />;
  if (path === '/taxonomy') return roleAtLeast(role, 'editor') ? <TaxonomyPage /> : <NotAllowed />;
  if (path === '/users') return role === 'admin' ? <UsersPage /> : <NotAllowed />;
  if (path === '/settings') return role === 'admin' ? <SettingsPage /> : <NotAllowed />;
  if (path === '/settings/telegram') return role === 'admin' ? <TelegramSettingsPage /> : <NotAllowed />;
  if (path === '/translit') return roleAtLeast(role, 'editor') ? <TranslitExceptionsPage /> : <NotAllowed />;
  if (path === '/audit') return role === 'admin' ? <AuditPage /> : <NotAllowed />;
  if (path === '/api-keys') return role === 'admin' ? <ApiKeysPage /> : <NotAllowed />;
  if (path === '/webhooks') return role === 'admin' ? <WebhooksPage /> : <NotAllowed />;
  if (path === '/' || path === '/login' || path === '/setup') return <Spinner />;
  return <NotFound />;
}

function NotAllowed() {
  const i = useI18n();
  return (
    <div className="page">
      <div className="notice notice-warn">{i.t('error.forbiddenPage')}</div>
    </div>
  );
}

function NotFound() {
  const i = useI18n();
  return (
    <div className="page">
      <div className="empty">
        <h1>{i.t('error.pageNotFound')}</h1>
        <Link to="/stories" className="btn">
          {i.t('nav.stories')}
        </Link>
      </div>
    </div>
  );
}

interface NavItem {
  to: string;
  label: MessageKey;
  icon: string;
  min?: Role;
}
const NAV: NavItem[] = [
  { to: '/stories', label: 'nav.stories', icon: 'stories' },
  { to: '/planning', label: 'plan.nav', icon: 'calendar' },
  { to: '/analytics', label: 'an.nav', icon: 'chart' },
  { to: '/media', label: 'nav.media', icon: 'media' },
  { to: '/assignments', label: 'collab.myAssignments', icon: 'check' },
  { to: '/taxonomy', label: 'nav.taxonomy', icon: 'taxonomy', min: 'editor' },
  { to: '/users', label: 'nav.users', icon: 'users', min: 'admin' },
  { to: '/settings', label: 'nav.settings', icon: 'settings', min: 'admin' },
  { to: '/translit', label: 'translit.nav', icon: 'settings', min: 'editor' },
  { to: '/audit', label: 'nav.audit', icon: 'audit', min: 'admin' },
  { to: '/api-keys', label: 'nav.apiKeys', icon: 'link', min: 'admin' },
  { to: '/webhooks', label: 'webhooks.nav', icon: 'link', min: 'admin' },
];

function Shell({ children }: { children: ReactNode }) {
  const i = useI18n();
  const { user } = useSession();
  const loc = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  useEffect(() => setNavOpen(false), [loc.path]);
  const section = '/' + (loc.path.split('/')[1] ?? '');
  return (
    <div className={`shell${navOpen ? ' nav-open' : ''}`}>
      <a className="skip-link" href="#main">
        {i.t('nav.skip')}
      </a>
      <aside className="sidebar" aria-label={i.t('nav.label')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            X
          </span>
          <span className="brand-name">
            Xabar <span className="brand-sub">{i.t('app.title')}</span>
          </span>
        </div>
        <nav>
          <ul className="nav">
            {NAV.filter((n) => !n.min || roleAtLeast(user?.role, n.min)).map((n) => (
              <li key={n.to}>
                <Link to={n.to} title={i.t(n.label)} className={`nav-link${section === n.to ? ' active' : ''}`} aria-current={section === n.to ? 'page' : undefined}>
                  <Icon name={n.icon} />
                  <span>{i.t(n.label)}</span>
                  {n.to === '/stories' && <ReviewBadge />}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-foot">
          <a href="/" target="_blank" rel="noopener" className="nav-link nav-link-small" title={i.t('nav.site')}>
            <Icon name="external" size={16} />
            <span>{i.t('nav.site')}</span>
          </a>
          {/* The running version (CHANGELOG.md): what an editor quotes when reporting a problem. */}
          <p className="app-version" translate="no">
            Xabar {__XABAR_VERSION__}
          </p>
        </div>
      </aside>
      <div className="backdrop" onClick={() => setNavOpen(false)} aria-hidden="true" />
      <div className="main-col">
        <header className="topbar">
          <button type="button" className="icon-btn nav-toggle" aria-label={i.t('nav.menu')} aria-expanded={navOpen} onClick={() => setNavOpen((v) => !v)}>
            <Icon name="menu" />
          </button>
          <TopbarTitle />
          <NotificationsBell />
          <UserMenu />
        </header>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

function UserMenu() {
  const i = useI18n();
  const session = useSession();
  const user = session.user!;
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const logout = async (everywhere: boolean) => {
    setOpen(false);
    try {
      await api.post(everywhere ? '/logout-everywhere' : '/logout');
    } catch (e) {
      notify(errorText(e, i), 'error');
    }
    await session.signedOut();
    navigate('/login', { replace: true, force: true });
  };

  return (
    <div className="user-menu" ref={ref}>
      <button type="button" className="user-btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="user-btn-name">{user.name}</span>
        <Icon name="chevronDown" size={14} />
      </button>
      {open && (
        <div className="menu" role="menu">
          <div className="menu-head">
            <strong>{user.name}</strong>
            <span className="muted">{user.email}</span>
            <span className="role-chip">{i.t(`role.${user.role}` as MessageKey)}</span>
          </div>
          <div className="menu-group" role="group" aria-label={i.t('menu.language')}>
            <span className="menu-label">{i.t('menu.language')}</span>
            <div className="lang-grid">
              {UI_LANGS.map((l) => (
                <button key={l} type="button" role="menuitemradio" aria-checked={i.lang === l} lang={UI_LANG_TAGS[l]} className={`lang-btn${i.lang === l ? ' active' : ''}`} onClick={() => i.setLang(l)}>
                  {UI_LANG_NAMES[l]}
                </button>
              ))}
            </div>
          </div>
          <Link to="/account" role="menuitem" className="menu-item" onClick={() => setOpen(false)}>
            {i.t('menu.account')}
          </Link>
          <button type="button" role="menuitem" className="menu-item" onClick={() => void logout(true)}>
            {i.t('menu.signOutEverywhere')}
          </button>
          <button type="button" role="menuitem" className="menu-item" onClick={() => void logout(false)}>
            {i.t('menu.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts[1]?.[0] ?? '')).toUpperCase() || '?';
}

/** A small language switcher for the sign-in and setup screens. */
export function LangSwitch() {
  const i = useI18n();
  return (
    <div className="seg seg-small" role="group" aria-label={i.t('menu.language')}>
      {UI_LANGS.map((l) => (
        <button key={l} type="button" aria-pressed={i.lang === l} lang={UI_LANG_TAGS[l]} title={UI_LANG_NAMES[l]} className={`seg-btn${i.lang === l ? ' active' : ''}`} onClick={() => i.setLang(l)}>
          {/* The name starts with what is seen (RU), then says the rest. */}
          {UI_LANG_SHORT[l]}
          <span className="sr-only"> — {UI_LANG_NAMES[l]}</span>
        </button>
      ))}
    </div>
  );
}
