/**
 * The settings for many processes and a CDN are checked at start-up like every other: worker
 * processes need Redis (they are nodes), the CDN lifetimes have bounds and defaults.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const base = { DATA_DIR: '/tmp/xabar-config-test' };

describe('XABAR_WORKERS and XABAR_CDN', () => {
  it('refuses several workers without Redis, saying why', () => {
    expect(() => loadConfig({ ...base, XABAR_WORKERS: '4' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, XABAR_WORKERS: '4' })).toThrow(/XABAR_WORKERS: 4 worker processes need REDIS_URL/);
    expect(loadConfig({ ...base, XABAR_WORKERS: '4', REDIS_URL: 'redis://127.0.0.1:6379' }).workers).toBe(4);
    expect(loadConfig(base).workers).toBe(1);
    expect(() => loadConfig({ ...base, XABAR_WORKERS: '0' })).toThrow(/XABAR_WORKERS must be between 1 and 64/);
  });

  it('is off without XABAR_CDN and carries its lifetimes and purge hook when on', () => {
    expect(loadConfig(base).cdn).toBeNull();
    expect(loadConfig({ ...base, XABAR_CDN: 'on' }).cdn).toEqual({ sMaxAge: 60, staleWhileRevalidate: 600, purgeUrl: null });
    expect(loadConfig({ ...base, XABAR_CDN: 'on', XABAR_CACHE_S_MAXAGE: '30', XABAR_CACHE_SWR: '0', XABAR_CDN_PURGE_URL: 'https://purge.example.uz/hook' }).cdn).toEqual({ sMaxAge: 30, staleWhileRevalidate: 0, purgeUrl: 'https://purge.example.uz/hook' });
    expect(() => loadConfig({ ...base, XABAR_CACHE_S_MAXAGE: '100000' })).toThrow(/XABAR_CACHE_S_MAXAGE must be between 0 and 86400/);
    expect(() => loadConfig({ ...base, XABAR_CDN_PURGE_URL: 'ftp://x' })).toThrow(/XABAR_CDN_PURGE_URL must be an http\(s\) URL/);
  });
});
