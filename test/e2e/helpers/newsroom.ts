/**
 * The frame most newsroom browser suites share: Chromium started once per suite (the SPA built
 * first), a fresh site per test with its administrator set up through the API, more people signed
 * in, and a signed-in browser page — all closed after the suite, newest first.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { Api, buildAdminAndLaunch, PW, runCleanups, startSite, type Site } from '../browser.js';

type Role = 'contributor' | 'author' | 'editor' | 'admin';

export interface Newsroom {
  site: Site;
  /** The site's base URL (http://127.0.0.1:<port>). */
  url: string;
  /** The administrator (admin@example.uz), signed in through the API. */
  admin: Api;
  /** Creates a user as the administrator (password PW). */
  addUser(email: string, name: string, role: Role): Promise<void>;
  /** An API client signed in as `email` (password PW). */
  signIn(email: string): Promise<Api>;
  /** A 1280×900 browser page carrying `as`'s session, with a 20 s default timeout; `path` is opened when given. */
  open(as: Api, options: BrowserContextOptions & { path?: string }): Promise<{ ctx: BrowserContext; page: Page }>;
}

export interface NewsroomSuite {
  /** Chromium, once the suite's beforeAll has run. */
  readonly browser: Browser;
  /** Runs `fn` after the suite (before the browser closes), newest first. */
  defer(fn: () => Promise<unknown>): void;
  /** A fresh site whose administrator is named `adminName` (in the suite's interface language). */
  startNewsroom(adminName: string, env?: Record<string, string>): Promise<Newsroom>;
}

/** Call inside describe(): registers the suite's beforeAll (build, launch) and afterAll (clean-ups, close). */
export function newsroomSuite(): NewsroomSuite {
  let browser: Browser | undefined;
  const cleanups: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    browser = await buildAdminAndLaunch();
  }, 180_000);
  afterAll(async () => {
    await runCleanups(cleanups);
    await browser?.close();
  });
  const defer = (fn: () => Promise<unknown>) => void cleanups.push(fn);
  const started = () => {
    if (!browser) throw new Error('the browser is started in beforeAll');
    return browser;
  };

  return {
    get browser() {
      return started();
    },
    defer,
    async startNewsroom(adminName, env = {}) {
      const site = await startSite(env);
      defer(() => site.close());
      const client = async () => {
        const api = await Api.open(site.url);
        defer(() => api.dispose());
        return api;
      };
      const admin = await client();
      expect((await admin.call('POST', '/setup', { email: 'admin@example.uz', name: adminName, password: PW })).status).toBe(201);
      const newsroom: Newsroom = {
        site,
        url: site.url,
        admin,
        async addUser(email, name, role) {
          expect((await admin.call('POST', '/users', { email, name, role, password: PW })).status).toBe(201);
        },
        async signIn(email) {
          const api = await client();
          await api.login(email);
          return api;
        },
        async open(as, { path, ...options }) {
          const ctx = await started().newContext({ viewport: { width: 1280, height: 900 }, ...options, storageState: await as.ctx.storageState() });
          defer(() => ctx.close());
          const page = await ctx.newPage();
          page.setDefaultTimeout(20_000);
          if (path) await page.goto(`${site.url}${path}`);
          return { ctx, page };
        },
      };
      return newsroom;
    },
  };
}
