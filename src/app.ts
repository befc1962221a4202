/**
 * Builds the Fastify application from a container. It never listens: main.ts does, tests use
 * `inject()`.
 */
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Container } from './container.js';
import { registerErrorHandler } from './http/error-handler.js';
import { siteRoutes } from './site/site.routes.js';
import { adminPlugin } from './newsroom/admin.plugin.js';

export async function buildApp(c: Container): Promise<FastifyInstance> {
  const app = Fastify({
    // Per-request lines only at debug/trace: at agency traffic they drown the useful log lines.
    loggerInstance: c.log.child({ module: 'http' }, { level: ['debug', 'trace'].includes(c.config.logLevel) ? c.config.logLevel : c.log.level === 'silent' ? 'silent' : 'warn' }) as unknown as FastifyBaseLogger,
    trustProxy: c.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 300 },
    bodyLimit: 1024 * 1024,
  });
  registerErrorHandler(app);

  app.get('/healthz', async () => ({ ok: true }));

  await app.register(fastifyStatic, {
    root: path.resolve(c.config.mediaDir),
    prefix: '/media/',
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    index: false,
    list: false,
    dotfiles: 'deny',
  });

  const site = await siteRoutes(app, { site: c.site, cache: c.pageCache, views: c.views, assets: c.assets, siteUrl: c.config.siteUrl });
  await adminPlugin(app, c, site.renderPreview);
  return app;
}
