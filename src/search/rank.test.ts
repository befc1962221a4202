import { describe, expect, it } from 'vitest';
import { rank } from './search.service.js';
import { termKey, type Term } from './query.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20);
const w = (f: string): Term => ({ kind: 'word', forms: [f] });
const cand = (id: number, ageDays: number, head: Term[] = []) => ({ id, story_id: id, locale: 'ru', published_at: NOW - ageDays * DAY, head: new Set(head.map(termKey)) });

describe('ranking', () => {
  const t = [w('женев')];
  const ids = (r: ReturnType<typeof rank>) => r.map((x) => x.c.id);

  it('puts a head match before a body-only match at any age', () => {
    expect(ids(rank([cand(1, 0), cand(2, 3650, t)], t, () => t, NOW))).toEqual([2, 1]);
  });

  it('puts the newer story first when relevance ties, then the higher id', () => {
    expect(ids(rank([cand(1, 30), cand(2, 1), cand(3, 7)], t, () => t, NOW))).toEqual([2, 3, 1]);
    expect(ids(rank([cand(4, 2), cand(5, 2)], t, () => t, NOW))).toEqual([5, 4]);
  });

  it('scores a story for the words it has in an OR fallback', () => {
    const two = [w('женев'), w('мигрант')];
    const has = new Map([[1, [two[0]!]], [2, two]]);
    expect(ids(rank([cand(1, 0), cand(2, 100)], two, (c) => has.get(c.id)!, NOW))).toEqual([2, 1]);
  });
});
