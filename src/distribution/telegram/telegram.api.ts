/**
 * The Bot API calls Xabar makes, through grammY's `Api` with a configurable root
 * (XABAR_TELEGRAM_API_ROOT; the tests point it at test/helpers/fake-telegram.ts), and the one
 * place that decides what a failure means for a delivery.
 *
 * Telegram answers `{ ok: false, error_code, description, parameters }`
 * (https://core.telegram.org/bots/api#making-requests); grammY throws that as GrammyError. A
 * network failure is an HttpError: when the connection was never made, nothing can have been
 * posted; when it broke or timed out after the request left, Telegram may have posted — which is
 * what makes a send "uncertain" (docs/decisions/0019-telegram-exactly-once.md).
 */
import { Api, GrammyError, HttpError } from 'grammy';

export interface TelegramApiOptions {
  apiRoot: string;
  /** A call that takes longer is given up (and a send becomes uncertain). */
  timeoutSeconds: number;
}

export function botApi(token: string, o: TelegramApiOptions): Api {
  return new Api(token, { apiRoot: o.apiRoot, timeoutSeconds: o.timeoutSeconds });
}

export type Failure =
  /** 429: wait `retryAfterMs`, then try again. */
  | { kind: 'rate_limited'; retryAfterMs: number; description: string }
  /** Telegram refused for good (400 bad request, 401 token, 403 not allowed, 404): retrying cannot help. */
  | { kind: 'permanent'; code: number; description: string }
  /** Telegram was unreachable or answered 5xx: nothing was posted, try again later. */
  | { kind: 'retryable'; description: string }
  /** The request may have reached Telegram (timeout, connection reset): a send may have happened. */
  | { kind: 'ambiguous'; description: string };

const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * A network error's message can carry the request URL, and the URL carries the bot token
 * (`/bot<token>/method`): every description is redacted before it is stored, shown or logged.
 */
export function redactToken(s: string): string {
  return s.replace(/bot\d+:[A-Za-z0-9_-]+/g, 'bot<token>');
}

export function classify(err: unknown): Failure {
  const f = classifyRaw(err);
  return { ...f, description: redactToken(f.description) };
}

function classifyRaw(err: unknown): Failure {
  if (err instanceof GrammyError) {
    const description = err.description || `error ${err.error_code}`;
    if (err.error_code === 429) return { kind: 'rate_limited', retryAfterMs: Math.max(1, err.parameters.retry_after ?? 5) * 1000, description };
    if (err.error_code >= 500) return { kind: 'retryable', description };
    return { kind: 'permanent', code: err.error_code, description };
  }
  if (err instanceof HttpError) {
    const cause = err.error as { code?: string; errno?: string; message?: string } | undefined;
    const code = cause?.code ?? cause?.errno ?? '';
    const description = `${err.message}${cause?.message ? ` ${cause.message}` : ''}`.trim();
    return NOT_CONNECTED.has(code) ? { kind: 'retryable', description } : { kind: 'ambiguous', description };
  }
  return { kind: 'ambiguous', description: (err as Error)?.message ?? String(err) };
}

/** Telegram says this when an edit would leave the message as it is: for us that is success. */
export function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message is not modified/i.test(err.description);
}

/** deleteMessage refuses messages older than 48 hours (and ones already gone). */
export function isCannotDelete(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message can't be deleted|message to delete not found/i.test(err.description);
}

/** A public link to a channel post: t.me/<name>/<id>, or t.me/c/<id>/<msg> for a private channel. */
export function postLink(chat: string, messageId: number | null): string | null {
  if (messageId === null) return null;
  if (chat.startsWith('@')) return `https://t.me/${chat.slice(1)}/${messageId}`;
  const m = /^-100(\d+)$/.exec(chat);
  return m ? `https://t.me/c/${m[1]}/${messageId}` : null;
}

/** `@name` (5–32 letters, digits, underscores) or a numeric chat id. */
export const TARGET = /^(@[A-Za-z][A-Za-z0-9_]{4,31}|-?\d{5,20})$/;
/** What @BotFather hands out: `<bot id>:<35 characters>`. */
export const TOKEN = /^\d{3,15}:[A-Za-z0-9_-]{30,60}$/;
