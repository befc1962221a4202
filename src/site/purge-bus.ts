/**
 * Broadcasts page-cache purges (and settings changes, as the `*` purge) between the nodes of one
 * site through Redis pub/sub, so a change on one node drops stale pages and settings on every
 * node. Each node ignores its own messages (it purged locally already). Without REDIS_URL there is
 * one node and nothing to broadcast.
 *
 * The channel is `<REDIS_PREFIX>purge`: pub/sub ignores the database number, so sites sharing one
 * Redis are kept apart by the prefix alone.
 *
 * Redis may go away after start. The bus then reports `down` (health says degraded) and tells the
 * node, which keeps serving with short page lifetimes; ioredis reconnects and resubscribes by
 * itself, and on the way back the node is told again, to purge everything once: messages sent
 * while it was away are lost (pub/sub does not queue them).
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type BusState = 'off' | 'up' | 'down';

export interface PurgeBus {
  publish(tags: string[]): void;
  state(): BusState;
  close(): Promise<void>;
}

export interface PurgeBusHandlers {
  onPurge(tags: string[]): void;
  /** The connection is lost: purges from other nodes cannot arrive until `onUp`. */
  onDown(): void;
  /** Back after a loss (not called for the first connection). */
  onUp(): void;
}

export const LOCAL_ONLY: PurgeBus = { publish() {}, state: () => 'off', async close() {} };

export async function redisPurgeBus(url: string, channel: string, h: PurgeBusHandlers, log: Logger): Promise<PurgeBus> {
  const node = crypto.randomBytes(6).toString('hex');
  const opts = { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5000 };
  const pub = new Redis(url, opts);
  const sub = new Redis(url, opts);
  for (const c of [pub, sub]) c.on('error', (err) => log.warn({ err }, 'redis connection problem; purges retry on reconnect'));
  try {
    await Promise.all([pub.connect(), sub.connect()]);
    await sub.subscribe(channel);
  } catch (err) {
    pub.disconnect();
    sub.disconnect();
    throw err;
  }
  sub.on('message', (_ch: string, raw: string) => {
    try {
      const msg = JSON.parse(raw) as { node: string; tags: string[] };
      if (msg.node !== node && Array.isArray(msg.tags)) h.onPurge(msg.tags.map(String));
    } catch {
      /* a foreign message on our channel is ignored */
    }
  });

  // Up only when both connections are ready (the subscriber is the one that matters for missed
  // messages, the publisher for purges this node sends).
  let closing = false;
  let down = false;
  const ready = () => pub.status === 'ready' && sub.status === 'ready';
  const lost = () => {
    if (closing || down) return;
    down = true;
    log.warn('redis connection lost: serving with short page lifetimes until it returns');
    h.onDown();
  };
  const back = () => {
    if (closing || !down || !ready()) return;
    // Subscribing again is idempotent and makes sure the channel is live before we purge: a
    // message sent between the purge and ioredis' own resubscription would otherwise be lost.
    sub.subscribe(channel).then(
      () => {
        if (closing || !down || !ready()) return;
        down = false;
        log.info('redis connection back: purging every cached page once (purges may have been missed)');
        h.onUp();
      },
      (err: unknown) => log.warn({ err }, 'resubscribing to purges failed; retrying on the next reconnect'),
    );
  };
  for (const c of [pub, sub]) {
    c.on('close', lost);
    c.on('end', lost);
    c.on('ready', back);
  }

  return {
    publish(tags) {
      pub.publish(channel, JSON.stringify({ node, tags })).catch((err) => log.warn({ err }, 'purge broadcast failed'));
    },
    state: () => (down || !ready() ? 'down' : 'up'),
    async close() {
      closing = true;
      sub.disconnect();
      // QUIT waits for the replies to commands already sent: a purge published just before a
      // command exits (`xabar import`) still reaches the other nodes.
      // A connection that is down (or does not answer within a second) is simply cut.
      if (pub.status !== 'ready') return pub.disconnect();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([pub.quit().catch(() => undefined), new Promise((r) => (timer = setTimeout(r, 1000)))]);
      clearTimeout(timer);
      pub.disconnect();
    },
  };
}
