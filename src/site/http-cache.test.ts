/** Content-coding negotiation (RFC 9110 §12.5.3) for cached pages, feeds and sitemaps. */
import { describe, expect, it } from 'vitest';
import { chooseEncoding } from './http-cache.js';

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'], // Chrome
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['', null],
    ['identity', null],
    ['deflate', null],
    // q=0 refuses a coding, wherever it is listed.
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['br; q=0.0, gzip; q=0.5', 'gzip'],
    ['br;q=0.001', 'br'],
    // `*` stands for any coding not named.
    ['*', 'br'],
    ['*;q=0', null],
    ['br;q=0, *', 'gzip'],
    ['gzip, *;q=0', 'gzip'],
    // Nonsense q values refuse rather than guess.
    ['br;q=abc, gzip', 'gzip'],
  ] as const)('%j → %s', (header, want) => {
    expect(chooseEncoding(header)).toBe(want);
  });

  it('gives the same answer when asked twice in a row (the remembered last header) and after another', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBe(null);
    expect(chooseEncoding(['gzip', 'br;q=0'])).toBe('gzip');
  });
});
