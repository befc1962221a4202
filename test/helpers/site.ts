/**
 * Builds a real Xabar (container + Fastify app) for integration tests on either database:
 * SQLite in a temporary folder, or PostgreSQL (when XABAR_TEST_PG holds a URL) in a schema of its
 * own that is dropped afterwards, so parallel test files never see each other's rows.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { buildContainer, type Container } from '../../src/container.js';
import { openDb } from '../../src/db/connect.js';

export type DialectName = 'sqlite' | 'postgres';

/** The dialects this run covers: SQLite always, PostgreSQL when configured. */
export const DIALECTS: DialectName[] = process.env.XABAR_TEST_PG ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestSite {
  c: Container;
  app: FastifyInstance;
  dataDir: string;
  /** Advances the test clock. */
  tick(ms: number): void;
  close(): Promise<void>;
}

export interface TestSiteOptions {
  env?: Record<string, string>;
  now?: number;
  purgeChannel?: string;
  /** PostgreSQL: use this existing schema (several nodes of one site) and leave it in place on close. */
  pgSchema?: string;
  /** The process logger (default: silent); test/logs-redaction.test.ts captures what is logged. */
  logger?: Logger;
}

export async function makeTestSite(dialect: DialectName, opts: TestSiteOptions = {}): Promise<TestSite> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xabar-test-'));
  // Suites set up a fresh site and act as its admin at once; two-factor has its own tests, which
  // turn the new-site default back on (test/two-factor.test.ts).
  const config = loadConfig({ DATA_DIR: dataDir, XABAR_DEMO: 'false', LOG_LEVEL: 'silent', SITE_URL: 'https://news.example.test', XABAR_NEW_SITE_TWO_FACTOR_ROLES: '', ...opts.env }, process.cwd());
  let now = opts.now ?? Date.now();
  const clock = () => now;
  let schema: string | null = null;
  if (dialect === 'postgres' && opts.pgSchema) {
    schema = opts.pgSchema;
  } else if (dialect === 'postgres') {
    const url = process.env.XABAR_TEST_PG!;
    schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = await openDb({ dialect: 'postgres', url });
    await sql.raw(`create schema ${schema}`).execute(admin.kysely);
    await admin.close();
  }
  const c = await buildContainer(config, {
    clock,
    logger: opts.logger ?? pino({ level: 'silent' }),
    purgeChannel: opts.purgeChannel,
    dbTarget: dialect === 'postgres' ? { dialect: 'postgres', url: process.env.XABAR_TEST_PG!, schema: schema! } : undefined,
  });
  const app = await buildApp(c);
  await app.ready();
  return {
    c,
    app,
    dataDir,
    tick(ms) {
      now += ms;
    },
    async close() {
      await app.close();
      await c.close();
      if (schema && !opts.pgSchema) {
        const admin = await openDb({ dialect: 'postgres', url: process.env.XABAR_TEST_PG! });
        await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.kysely);
        await admin.close();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
export const BOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
