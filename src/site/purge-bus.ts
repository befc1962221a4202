/**
 * Broadcasts page-cache purges between nodes through Redis pub/sub, so a publish on one node
 * drops the stale page on every node. Each node ignores its own messages (it purged locally
 * already). Without REDIS_URL there is one node and nothing to broadcast.
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface PurgeBus {
  publish(tags: string[]): void;
  close(): Promise<void>;
}

export const LOCAL_ONLY: PurgeBus = { publish() {}, async close() {} };

export async function redisPurgeBus(url: string, channel: string, onPurge: (tags: string[]) => void, log: Logger): Promise<PurgeBus> {
  const node = crypto.randomBytes(6).toString('hex');
  const opts = { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5000 };
  const pub = new Redis(url, opts);
  const sub = new Redis(url, opts);
  for (const c of [pub, sub]) c.on('error', (err) => log.warn({ err }, 'redis connection problem; purges retry on reconnect'));
  await Promise.all([pub.connect(), sub.connect()]);
  await sub.subscribe(channel);
  sub.on('message', (_ch: string, raw: string) => {
    try {
      const msg = JSON.parse(raw) as { node: string; tags: string[] };
      if (msg.node !== node && Array.isArray(msg.tags)) onPurge(msg.tags.map(String));
    } catch {
      /* a foreign message on our channel is ignored */
    }
  });
  return {
    publish(tags) {
      pub.publish(channel, JSON.stringify({ node, tags })).catch((err) => log.warn({ err }, 'purge broadcast failed'));
    },
    async close() {
      sub.disconnect();
      pub.disconnect();
    },
  };
}
