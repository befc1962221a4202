/**
 * The one fetch wrapper of the newsroom app: same-origin credentials, JSON in and out, the CSRF
 * header on every mutating request, and typed errors (ApiError) built from the server's
 * `{ error: { code, message, details } }` shape.
 */
export const API_BASE = '/admin/api';

export interface FieldError {
  field: string;
  message: string;
  /** The server's catalogue key (shown as `err.<key>` in the UI language) and its parameters. */
  key?: string;
  params?: Record<string, string | number>;
}

/**
 * Turns a server message key and its parameters into the UI language's text, or null when the
 * catalogue has no `err.<key>` (the English message is shown then). Set by the i18n provider.
 */
export type ErrorTranslator = (key: string, params: Record<string, string | number>) => string | null;
let translator: ErrorTranslator | null = null;
export function setErrorTranslator(fn: ErrorTranslator | null): void {
  translator = fn;
}

/** The text of a server message in the UI language: its key when translated, else its English message. */
export function messageText(m: { message?: string; key?: string; params?: Record<string, string | number> }, t: ErrorTranslator | null = translator): string {
  const s = m.key && t ? t(m.key, m.params ?? {}) : null;
  return s ?? String(m.message ?? '');
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly retryAfterSeconds: number | null;
  /** The server's catalogue key and parameters (`message` is then its English text). */
  readonly key: string | null;
  readonly params: Record<string, string | number>;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: unknown,
    retryAfterSeconds: number | null = null,
    key: string | null = null,
    params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
    this.key = key;
    this.params = params;
  }

  /** The message in the UI language when the catalogue has its key, else the server's English. */
  text(t: ErrorTranslator | null = translator): string {
    return messageText({ message: this.message, key: this.key ?? undefined, params: this.params }, t);
  }

  /** 422 field errors as sent (with their keys). */
  get fieldList(): FieldError[] {
    const list = (this.details as { fields?: FieldError[] } | undefined)?.fields;
    return Array.isArray(list) ? list.filter((f) => f && typeof f.field === 'string') : [];
  }

  /** 422 field messages, in the UI language, keyed by field name (the request's property names). */
  get fields(): Record<string, string> {
    return this.fieldsIn(translator);
  }

  fieldsIn(t: ErrorTranslator | null): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fieldList) if (!out[f.field]) out[f.field] = messageText(f, t);
    return out;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

type Listener = (err: ApiError) => void;
let onUnauthorized: Listener | null = null;
/** Called on a 401 from any request except sign-in and session probes (the app then shows sign-in). */
export function setUnauthorizedHandler(fn: Listener | null): void {
  onUnauthorized = fn;
}

let onSecondFactor: (() => void) | null = null;
/**
 * Called when the server says the session owes its second factor (e.g. an administrator just
 * required it for this role): the app reloads the session and shows the enrolment or code page.
 */
export function setSecondFactorHandler(fn: (() => void) | null): void {
  onSecondFactor = fn;
}

const NO_401_REDIRECT = ['/session', '/login', '/setup', '/me/password'];

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  retried?: boolean;
}

/**
 * A 403 on a state-changing call can mean a stale CSRF token rather than a missing permission:
 * the session ended elsewhere (sign out everywhere, expiry) or this browser signed in again in
 * another tab. Ask /session: a changed token means retry once with it; no user means "sign in".
 */
async function freshSession(): Promise<{ user: unknown; csrfToken: string } | null> {
  try {
    const r = await fetch(API_BASE + '/session', { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } });
    return r.ok ? ((await r.json()) as { user: unknown; csrfToken: string }) : null;
  } catch {
    return null;
  }
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const sentToken = csrfToken;
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = sentToken;
  let res: Response;
  try {
    res = await fetch(API_BASE + withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
      cache: 'no-store',
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'network');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (res.status === 403 && method !== 'GET' && !opts.retried) {
    const fresh = await freshSession();
    if (fresh && fresh.csrfToken !== sentToken) {
      csrfToken = fresh.csrfToken;
      if (!fresh.user && !NO_401_REDIRECT.some((p) => path.startsWith(p))) {
        const err = new ApiError(401, 'unauthorized', 'Sign in to continue.', undefined, null, 'auth.sign_in');
        onUnauthorized?.(err);
        throw err;
      }
      return request<T>(method, path, { ...opts, retried: true });
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: unknown; key?: string; params?: Record<string, string | number> } } | null)?.error;
    const retryHeader = Number(res.headers.get('retry-after'));
    const retry =
      (e?.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : null);
    const err = new ApiError(res.status, e?.code ?? httpCode(res.status), e?.message ?? res.statusText ?? `HTTP ${res.status}`, e?.details, retry, e?.key ?? null, e?.params ?? {});
    if (res.status === 401 && onUnauthorized && !NO_401_REDIRECT.some((p) => path.startsWith(p))) onUnauthorized(err);
    if (err.code === 'second_factor_required') onSecondFactor?.();
    throw err;
  }
  return data as T;
}

function httpCode(status: number): string {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'validation_failed';
    case 429:
      return 'rate_limited';
    default:
      return 'http_error';
  }
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T = void>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { body: form }),
};
