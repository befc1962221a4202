/**
 * Queries built and compiled once per shape, then run with new values. Kysely builds an operation
 * tree and compiles it to SQL on every call; for the article page's seven queries that was a
 * quarter of an uncached render's CPU (bench/cold-render.ts profile), more than running them.
 *
 * `run(shape, values, build)`: the first call for a shape builds the query with a placeholder
 * standing for each value (an array value: one per element) and compiles it; every call then
 * runs that SQL with its own values in the placeholders' places. So:
 * - everything the query's *form* depends on belongs in `shape` (a locale a join reads through
 *   JS, a filter present or not); array lengths are added to it here;
 * - `values` may only be used as SQL values inside `build` — never read by JS there (compared,
 *   sliced, turned into a string). Compiling checks that every placeholder reached the SQL's
 *   parameters and none was turned into text, and throws otherwise.
 * Bounded (least recently used out), like the statement cache below it (statement-cache.ts).
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/** Stands for `values[key]` (or `values[key][index]`) while a template is compiled. */
class Slot {
  constructor(
    readonly key: string,
    readonly index: number | null,
  ) {}
  /** Never meant to become SQL text: `compile` rejects a template in which one did. */
  toString(): string {
    return '\u0000slot\u0000';
  }
}

type Values = Record<string, unknown>;

export const TEMPLATES_MAX = 200;

export class QueryTemplates {
  private readonly compiled = new Map<string, CompiledQuery>();

  constructor(
    private readonly db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    private readonly max = TEMPLATES_MAX,
  ) {}

  async run<V extends Values, R>(shape: string, values: V, build: (v: V) => Compilable<R>): Promise<R[]> {
    const key = `${shape}|${Object.entries(values)
      .map(([k, v]) => (Array.isArray(v) ? `${k}[${v.length}]` : k))
      .join(',')}`;
    let q = this.compiled.get(key);
    if (q) {
      // Map order is insertion order: re-inserting marks the shape as the most recently used.
      this.compiled.delete(key);
    } else {
      q = compile(values, build);
      if (this.compiled.size >= this.max) this.compiled.delete(this.compiled.keys().next().value!);
    }
    this.compiled.set(key, q);
    const parameters = q.parameters.map((p) => (p instanceof Slot ? (p.index === null ? values[p.key] : (values[p.key] as unknown[])[p.index]) : p));
    return (await this.db.executeQuery<R>({ ...q, parameters })).rows;
  }

  get size(): number {
    return this.compiled.size;
  }
}

function compile<V extends Values, R>(values: V, build: (v: V) => Compilable<R>): CompiledQuery {
  const slots: Slot[] = [];
  const placeholders = Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      if (Array.isArray(v)) return [k, v.map((_, i) => slots[slots.push(new Slot(k, i)) - 1])];
      return [k, slots[slots.push(new Slot(k, null)) - 1]];
    }),
  ) as V;
  const q = build(placeholders).compile();
  const used = new Set(q.parameters.filter((p): p is Slot => p instanceof Slot));
  const lost = slots.filter((s) => !used.has(s));
  if (lost.length > 0 || q.sql.includes('\u0000slot\u0000')) {
    throw new Error(`query template: ${lost.map((s) => s.key).join(', ') || 'a value'} was read by JS instead of being passed to SQL; put what shapes the query in its shape key`);
  }
  return q;
}
