/**
 * HTTP range requests for media (RFC 9110 §14): video players ask for parts of the file to start
 * quickly and to seek. One range per request is served (206); a request for several ranges, or a
 * header that is not a valid byte range, is answered with the whole file (200), which the RFC
 * allows (§14.2: a server MAY ignore Range). A range that starts past the end is 416.
 */
import type { ByteRange } from './storage.js';

export type RangeAnswer = ByteRange | 'unsatisfiable' | null;

export function parseRange(header: string | undefined, size: number): RangeAnswer {
  const m = /^bytes=(.*)$/i.exec(header?.trim() ?? '');
  if (!m) return null;
  const specs = m[1]!.split(',');
  if (specs.length !== 1) return null;
  const spec = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(specs[0]!);
  if (!spec || (spec[1] === '' && spec[2] === '')) return null;
  if (spec[1] === '') {
    // A suffix: the last n bytes.
    const n = Number(spec[2]);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(spec[1]);
  const last = spec[2] === '' ? Infinity : Number(spec[2]);
  if (last < start) return null; // not a valid range-spec: ignored, the whole file is sent
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(last, size - 1) };
}

/** `If-Range` with an entity tag: the range is honoured only while the file is the same one. */
export function rangeStillValid(ifRange: string | undefined, etag: string): boolean {
  if (!ifRange) return true;
  return ifRange.trim() === etag; // a date, or a weak tag, never matches a strong comparison
}
