/**
 * The wire's pieces built from the container once per container (a WeakMap, so a container and
 * its wire go together): the public routes (app.ts) and the newsroom's key management
 * (admin.plugin.ts) share one ApiKeysService without the composition root knowing the wire.
 */
import type { Container } from '../container.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { WireRepository } from './wire.repository.js';
import { WireService } from './wire.service.js';

export interface Wire {
  keys: ApiKeysService;
  wire: WireService;
}

const built = new WeakMap<Container, Wire>();

export function wireOf(c: Container): Wire {
  let w = built.get(c);
  if (!w) {
    const k = c.db.kysely;
    w = { keys: new ApiKeysService(k, new ApiKeysRepository(k), c.audit, c.clock), wire: new WireService(new WireRepository(k), c.publicStories, c.clock) };
    built.set(c, w);
  }
  return w;
}
