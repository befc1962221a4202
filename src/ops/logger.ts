/**
 * The process logger: pino writing one JSON object per line (what log shippers read), or, on a
 * developer's terminal, one short readable line per entry (pino-pretty is not a dependency; the
 * formatter below is enough to read a request log).
 *
 * Secrets never reach a log line (docs/operations.md, "Logs"): pino's redaction replaces the
 * fields that carry them wherever a caller puts them (a request's headers, a body with a
 * password, an error's request config), and every `url` logged goes through `redactUrl`, which
 * masks query values named like secrets and path segments that look like tokens (preview links,
 * wire keys sent in the wrong place). test/logs-redaction.test.ts sends requests carrying
 * passwords, cookies, tokens and API keys and greps everything logged at `trace` for them.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  format: 'auto' | 'json' | 'pretty';
  /** Where lines go (default stdout): tests capture them. */
  destination?: DestinationStream;
  /** Whether stdout is a terminal and NODE_ENV is not production (decides `auto`). */
  interactive?: boolean;
}

const CENSOR = '[redacted]';

/** Field names whose values are secrets wherever they appear (one or two levels down). */
const SECRET_FIELDS = ['password', 'newPassword', 'currentPassword', 'token', 'csrfToken', 'secret', 'apiKey', 'api_key', 'authorization', 'cookie', 'recoveryCode', 'botToken', 'accessKeyId', 'secretAccessKey'];
const SECRET_HEADERS = ['authorization', 'cookie', '"set-cookie"', '"x-api-key"', '"x-csrf-token"', '"proxy-authorization"'];

export const REDACT_PATHS = [
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
  ...SECRET_HEADERS.flatMap((h) => [`headers.${h}`, `req.headers.${h}`, `res.headers.${h}`, `err.config.headers.${h}`, `err.headers.${h}`]),
];

/** Query parameter names whose values are secrets. */
const SECRET_PARAM = /(^|[_-])(token|key|secret|password|passwd|pass|auth|sig|signature|code|session|sid|csrf)($|[_-])|apikey|accesskey/i;
/** 32+ url-safe characters mixing upper case, lower case and digits: a random token, never a slug. */
const MIXED_TOKEN = /[A-Za-z0-9_-]{32,}/g;
/** 32+ hex digits with nothing else: a hex secret (slugs always carry dashes between words). */
const HEX_TOKEN = /^[0-9a-fA-F]{32,}$/;

function looksLikeToken(s: string): boolean {
  return HEX_TOKEN.test(s) || (s.length >= 32 && /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s));
}

function maskTokens(s: string): string {
  return s.replace(MIXED_TOKEN, (m) => (looksLikeToken(m) ? CENSOR : m));
}

/**
 * A URL safe to log: query values of secret-looking names masked, token-like path segments and
 * values masked. Also given the route's parameters whose names say they are secrets (`:token`).
 */
export function redactUrl(url: unknown, secretValues: readonly string[] = []): unknown {
  if (typeof url !== 'string') return url;
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  for (const v of secretValues) if (v) path = path.split(encodeURIComponent(v)).join(CENSOR).split(v).join(CENSOR);
  path = path.split('/').map((seg) => (looksLikeToken(seg) ? CENSOR : maskTokens(seg))).join('/');
  if (q === -1) return path;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return maskTokens(pair);
      const name = pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        /* keep the raw name */
      }
      return SECRET_PARAM.test(decoded) ? `${name}=${CENSOR}` : `${name}=${maskTokens(pair.slice(eq + 1))}`;
    });
  return `${path}?${parts.join('&')}`;
}

export function createLogger(opts: LoggerOptions): Logger {
  const interactive = opts.interactive ?? (Boolean(process.stdout.isTTY) && process.env.NODE_ENV !== 'production');
  const pretty = opts.format === 'pretty' || (opts.format === 'auto' && interactive && !opts.destination);
  const dest: DestinationStream = opts.destination ?? (pretty ? prettyStream(process.stdout) : pino.destination(1));
  return pino(
    {
      level: opts.level,
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      serializers: { url: (u: unknown) => redactUrl(u), err: pino.stdSerializers.err },
    },
    pretty && opts.destination ? prettyStream(opts.destination) : dest,
  );
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v']);

/** One JSON line → `12:03:04 INFO  GET /ru/ 200 3.1 ms  reqId=…`: what a developer reads. */
export function prettyLine(line: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : line + '\n';
  }
  const time = typeof o.time === 'number' ? new Date(o.time).toISOString().slice(11, 19) : '--:--:--';
  const level = (LEVELS[o.level as number] ?? String(o.level)).padEnd(5);
  const rest: string[] = [];
  let stack = '';
  for (const [k, v] of Object.entries(o)) {
    if (SKIP.has(k)) continue;
    if (k === 'err' && v && typeof v === 'object') {
      const e = v as { type?: string; message?: string; stack?: string };
      rest.push(`err=${e.type ?? 'Error'}: ${e.message ?? ''}`);
      stack = e.stack ? `\n${e.stack.split('\n').slice(1).join('\n')}` : '';
      continue;
    }
    rest.push(`${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return `${time} ${level} ${String(o.msg ?? '')}${rest.length ? '  ' + rest.join(' ') : ''}${stack}\n`;
}

function prettyStream(out: { write(s: string): unknown }): DestinationStream {
  return { write: (line: string) => void out.write(prettyLine(line)) };
}
