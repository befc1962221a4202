/**
 * Search: parse → candidates from the engine → one ranking in the app → a page → snippets.
 *
 * The engine (FTS5 or PostgreSQL) only selects: the newest CANDIDATES visible editions of the
 * locale that match (filters applied in SQL). Ranking is ours, so both databases give the same
 * order (docs/decisions/0011-search.md):
 *   relevance = Σ over query terms of (3 if the term is in the head — headline, section, tags,
 *               authors, dateline place — else 1), divided by 3 × number of terms   ∈ (0, 1]
 *   recency   = 1 / (1 + ageDays / 7)                                               ∈ (0, 1]
 *   score     = relevance + 0.04 × recency; ties: published_at desc, id desc.
 * 0.04 is below the smallest step of relevance (1/24), so a better match always ranks higher (a
 * headline match beats a body-only one at any age; more words beat fewer in an OR fallback) and
 * among equal matches the newer story comes first.
 * When every word together finds nothing, any word will do (OR) and a story scores for the words
 * it has. The count is exact below CANDIDATES and "more than" at it: never a full
 * count of a large archive. Work per request is O(CANDIDATES + page).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Candidate, CandidateFilter, DialectOps } from '../db/dialect.js';
import type { Locale } from '../i18n/locales.js';
import { asPrefixes, parseQuery, termKey, type SearchQuery, type Term } from './query.js';
import { snippet, type Snippet } from './snippet.js';
import { docText, type StoryDoc } from '../content/document.js';
import { SearchRepository } from './search.repository.js';

export const CANDIDATES = 500;
export const SEARCH_PAGE_SIZE = 15;
const DAY = 86_400_000;
/**
 * Below the smallest step of relevance (1/24: one term of eight moving between head and body),
 * so relevance always decides and recency orders stories of equal relevance.
 */
const RECENCY_WEIGHT = 0.04;

export interface SearchRequest {
  locale: Locale;
  q: string;
  page: number;
  now: number;
  sectionId?: number;
  from?: number;
  to?: number;
}

export interface SearchHit {
  id: number;
  score: number;
  snippet: Snippet;
}

export interface SearchResult {
  query: SearchQuery;
  /** 'none': the query has no word to look for (empty, punctuation, only exclusions). */
  mode: 'and' | 'or' | 'prefix' | 'none';
  hits: SearchHit[];
  total: number;
  /** The total is a lower bound: the candidate cap was reached. */
  capped: boolean;
  page: number;
  pages: number;
}

/** The ranking, pure: `matched(c)` says which terms a candidate has (all of them for AND). */
export function rank(cands: Candidate[], terms: Term[], matched: (c: Candidate) => Term[], now: number): { c: Candidate; score: number }[] {
  const scored = cands.map((c) => {
    const rel = matched(c).reduce((s, t) => s + (c.head.has(termKey(t)) ? 3 : 1), 0) / (3 * Math.max(1, terms.length));
    const ageDays = Math.max(0, now - c.published_at) / DAY;
    return { c, score: rel + RECENCY_WEIGHT / (1 + ageDays / 7) };
  });
  return scored.sort((a, b) => b.score - a.score || b.c.published_at - a.c.published_at || b.c.id - a.c.id);
}

export class SearchService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectOps,
    private readonly repo = new SearchRepository(db),
  ) {}

  async search(r: SearchRequest): Promise<SearchResult> {
    const query = parseQuery(r.q, r.locale);
    if (query.must.length === 0) return this.present(query, 'none', [], query.must, r);
    const filter = { locales: [r.locale], now: r.now, sectionId: r.sectionId, from: r.from, to: r.to, limit: CANDIDATES };
    const all = await this.dialect.searchCandidates(this.db, query.must, query.not, filter);
    if (all.length > 0) return this.present(query, 'and', rank(all, query.must, () => query.must, r.now), query.must, r);
    if (query.must.length > 1) {
      const any = await this.orFallback(query, filter, r.now);
      if (any.length > 0) return this.present(query, 'or', any, query.must, r);
    }
    // Nothing for the words as words: try them as word beginnings (a partial word, «женев») —
    // unless the reader used syntax (a phrase or a star), which is taken as meant.
    const prefixes = query.must.every((t) => t.kind === 'word') ? asPrefixes(r.q, r.locale) : [];
    const cands = prefixes.length ? await this.dialect.searchCandidates(this.db, prefixes, query.not, filter) : [];
    return this.present(query, 'prefix', rank(cands, prefixes, () => prefixes, r.now), prefixes, r);
  }

  /**
   * Any of the words (one engine query for the newest CANDIDATES editions with at least one); a
   * story scores for the words it has. The same candidates as looking each word up alone and
   * keeping the newest CANDIDATES of the union: an edition among the newest CANDIDATES with any
   * word is among the newest CANDIDATES with each word it has.
   */
  private async orFallback(query: SearchQuery, filter: CandidateFilter, now: number): Promise<{ c: Candidate; score: number }[]> {
    const cands = await this.dialect.searchCandidates(this.db, query.must, query.not, filter, true);
    return rank(cands, query.must, (c) => query.must.filter((t) => c.matched?.has(termKey(t)) ?? true), now);
  }

  private async present(query: SearchQuery, mode: SearchResult['mode'], ranked: { c: Candidate; score: number }[], marked: Term[], r: SearchRequest): Promise<SearchResult> {
    const empty = { query, hits: [], total: 0, capped: false, page: 1, pages: 1 };
    const total = ranked.length;
    if (total === 0) return { ...empty, mode };
    const pages = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
    const page = Math.min(r.page, pages);
    const slice = ranked.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);
    const texts = await this.texts(slice.map((s) => s.c.id));
    const hits = slice.map((s) => ({ id: s.c.id, score: s.score, snippet: snippet(texts.get(s.c.id) ?? '', marked, r.locale) }));
    return { query, mode, hits, total, capped: total >= CANDIDATES, page, pages };
  }

  /** Lead and plain body text of the editions on the page (for snippets). */
  private async texts(ids: number[]): Promise<Map<number, string>> {
    const rows = await this.repo.texts(ids);
    return new Map(
      rows.map((r) => {
        let body = '';
        try {
          body = docText(JSON.parse(r.body_json) as StoryDoc);
        } catch {
          /* an unreadable body has no snippet beyond its lead */
        }
        return [r.id, `${r.lead}\n${body}`.trim()];
      }),
    );
  }
}
