/** The signed-in user and the CSRF token, loaded from GET /session and kept in sync with sign-in/out. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setSecondFactorHandler, setUnauthorizedHandler, type ApiError } from './api';
import { clearCaches } from './data';
import type { SecondFactor, Session, User } from './types';

export interface SessionState {
  loading: boolean;
  error: ApiError | null;
  user: User | null;
  needsSetup: boolean;
  /** Set while the session waits for a two-step code or for enrolment (the app shows only that page). */
  secondFactor: SecondFactor;
  /** Reloads GET /session (and the CSRF token). */
  refresh(): Promise<void>;
  /** After login/setup: the response carries the user and the new token. */
  signedIn(user: User, csrfToken: string, secondFactor?: SecondFactor): void;
  /** After logout (or a 401): forget the user and fetch a fresh token. */
  signedOut(): Promise<void>;
  /** Set when a request came back 401 while we thought we were signed in (the re-auth dialog shows). */
  expired: boolean;
}

/** Fired after the same user signs in again in the re-auth dialog (the editor then retries its save). */
export const REAUTH_EVENT = 'xabar:reauth';

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [user, setUser] = useState<User | null>(null);
  const [needsSetup, setNeedsSetup] = useState(false);
  const [expired, setExpired] = useState(false);
  const [secondFactor, setSecondFactor] = useState<SecondFactor>(null);

  const refresh = useCallback(async () => {
    try {
      const s = await api.get<Session>('/session');
      setCsrfToken(s.csrfToken);
      setUser(s.user);
      setNeedsSetup(!!s.needsSetup);
      setSecondFactor(s.secondFactor ?? null);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setLoading(false);
    }
  }, []);

  const signedIn = useCallback((u: User, token: string, sf: SecondFactor = null) => {
    clearCaches();
    setCsrfToken(token);
    setUser(u);
    setSecondFactor(sf);
    setNeedsSetup(false);
    setExpired(false);
  }, []);

  const signedOut = useCallback(async () => {
    clearCaches();
    setExpired(false);
    setUser(null);
    setSecondFactor(null);
    await refresh();
  }, [refresh]);

  useEffect(() => {
    void refresh();
    // A 401 while signed in: keep the page (and any unsaved text) and ask for the password again.
    setUnauthorizedHandler(() => {
      setExpired(true);
      api.get<Session>('/session').then(
        (s) => {
          setCsrfToken(s.csrfToken);
          if (s.needsSetup) setNeedsSetup(true);
        },
        () => undefined,
      );
    });
    setSecondFactorHandler(() => void refresh());
    return () => {
      setUnauthorizedHandler(null);
      setSecondFactorHandler(null);
    };
  }, [refresh]);

  const value = useMemo<SessionState>(
    () => ({ loading, error, user, needsSetup, secondFactor, refresh, signedIn, signedOut, expired }),
    [loading, error, user, needsSetup, secondFactor, refresh, signedIn, signedOut, expired],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user (pages below the shell are only rendered with one). */
export function useUser(): User {
  const u = useSession().user;
  if (!u) throw new Error('no user');
  return u;
}
