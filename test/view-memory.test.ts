/**
 * The view counter's shared memory: when a Redis call fails the view is judged by this node's
 * memory (counted by the local rules, not lost), and the failure is reported.
 * (test/two-node.test.ts proves the rules across two nodes on a real Redis.)
 */
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { ViewCounter } from '../src/analytics/view-counter.js';
import { BROWSER_UA } from './helpers/site.js';

describe('the view counter with Redis failing', () => {
  it('falls back to the local memory for each view and reports the error', async () => {
    const down = () => Promise.reject(new Error('connection is closed'));
    const redis = { eval: down, set: down, get: down } as unknown as Redis;
    const errors: unknown[] = [];
    const views = new ViewCounter({ db: {} as never, dialect: {} as never, timeZone: () => 'Asia/Tashkent', flushMs: 60_000 });
    views.share({ redis, prefix: 'xabar:test:', onError: (e) => errors.push(e) });
    expect(await views.record(7, '203.0.113.1', BROWSER_UA)).toBe(true);
    expect(await views.record(7, '203.0.113.1', BROWSER_UA)).toBe(false); // the local repeat rule
    expect(await views.record(7, '203.0.113.2', BROWSER_UA)).toBe(true);
    expect(views.unflushed(7)).toBe(2);
    expect(errors).toHaveLength(3);
  });
});
