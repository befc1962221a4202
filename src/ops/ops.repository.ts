/** SQL that operations read: the outbox's backlog by topic (for /metrics). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Jobs looked at, at most, per state and scrape: a runaway backlog reads as "at least this many". */
const OUTBOX_SCAN_LIMIT = 100_000;

export class OpsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Pending (done_at null) and dead (done_at = -1) jobs by topic. Each reads only its own rows
   * through the (done_at, run_at, id) index, never the done history, and at most
   * OUTBOX_SCAN_LIMIT of them.
   */
  async outboxByTopic(): Promise<{ topic: string; pending: number; dead: number }[]> {
    const count = async (dead: boolean) => {
      const open = this.db
        .selectFrom('outbox')
        .select('topic')
        .$call((q) => (dead ? q.where('done_at', '=', -1) : q.where('done_at', 'is', null)))
        .limit(OUTBOX_SCAN_LIMIT)
        .as('o');
      const rows = await this.db.selectFrom(open).select((eb) => ['o.topic', eb.fn.countAll<number>().as('n')]).groupBy('o.topic').execute();
      return rows.map((r) => [r.topic, Number(r.n)] as const);
    };
    const byTopic = new Map<string, { topic: string; pending: number; dead: number }>();
    const entry = (topic: string) => byTopic.get(topic) ?? byTopic.set(topic, { topic, pending: 0, dead: 0 }).get(topic)!;
    for (const [topic, n] of await count(false)) entry(topic).pending = n;
    for (const [topic, n] of await count(true)) entry(topic).dead = n;
    return [...byTopic.values()].sort((a, b) => a.topic.localeCompare(b.topic));
  }
}
