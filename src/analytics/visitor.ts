/**
 * Anonymous visitor identity for de-duplicating views: SHA-256 of a random salt, the IP and the
 * user agent. The salt lives only in memory and changes every day, so yesterday's hashes cannot
 * be linked to today's and nothing stored can be turned back into an IP.
 */
import crypto from 'node:crypto';
import { isbot } from 'isbot';
import { LRUCache } from 'lru-cache';

export class VisitorHasher {
  private day = '';
  private salt = Buffer.alloc(0);
  /**
   * The last hash per connection: a reader's browser asks for page after page on one kept-alive
   * connection, so most requests need no new SHA-256. Keyed by the socket object (weakly: gone
   * with the connection) and checked against the address, agent and day. The caller passes the
   * connection only when the address is the socket's own (no proxy in between: app.ts), so nothing
   * here outlives the socket that already holds that address, and no reader behind a proxy is kept.
   */
  private readonly lastOnConnection = new WeakMap<object, { ip: string; userAgent: string; day: string; hash: string }>();
  constructor(private readonly dayOf: (now: number) => string) {}

  hash(ip: string, userAgent: string, now: number, connection?: object): string {
    const day = this.dayOf(now);
    if (day !== this.day) {
      this.day = day;
      this.salt = crypto.randomBytes(32);
    }
    if (!connection) return hashVisitor(this.salt, ip, userAgent);
    const last = this.lastOnConnection.get(connection);
    if (last && last.day === day && last.ip === ip && last.userAgent === userAgent) return last.hash;
    const hash = hashVisitor(this.salt, ip, userAgent);
    this.lastOnConnection.set(connection, { ip, userAgent, day, hash });
    return hash;
  }
}

/** One visitor's hash under a salt (also used with the salt several nodes share through Redis). */
export function hashVisitor(salt: Buffer, ip: string, userAgent: string): string {
  return crypto.createHash('sha256').update(salt).update('\0').update(ip).update('\0').update(userAgent).digest('base64url').slice(0, 22);
}

/** Recent answers: isbot's pattern is long and most requests repeat a handful of browsers' agents. */
const botMemo = new LRUCache<string, boolean>({ max: 2000 });

/** Crawlers, link previewers and monitors, by user agent; an empty agent is not a reader either. */
export function isBotAgent(userAgent: string | undefined): boolean {
  if (!userAgent || userAgent.trim() === '') return true;
  let bot = botMemo.get(userAgent);
  if (bot === undefined) botMemo.set(userAgent, (bot = isbot(userAgent)));
  return bot;
}
