/**
 * Shared pieces of the browser tests: Debian's Chromium, a real Xabar listening on a random port
 * with a clock kept in step with real time, an API client that behaves like the SPA, and axe-core.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { makeTestSite, type TestSite } from '../helpers/site.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_BROWSER = fs.existsSync(CHROMIUM);
export const PW = 'correct horse battery staple';
export const TEST_TIMEOUT = 120_000;

export interface Site {
  s: TestSite;
  url: string;
  /** Moves the server's clock forward (on top of real time). */
  jump(ms: number): void;
  close(): Promise<void>;
}

export async function startSite(env: Record<string, string> = {}): Promise<Site> {
  const s = await makeTestSite('sqlite', { env: { SITE_URL: 'http://127.0.0.1', ...env } });
  // The test clock stands still unless ticked: keep it in step with real time.
  let last = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    s.tick(now - last);
    last = now;
  }, 50);
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = s.app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return {
    s,
    url: `http://127.0.0.1:${addr.port}`,
    jump: (ms) => s.tick(ms),
    async close() {
      clearInterval(ticker);
      await s.close();
    },
  };
}

/** A newsroom API client over real HTTP that keeps cookies and the CSRF token like the SPA. */
export class Api {
  csrf = '';
  private constructor(readonly ctx: APIRequestContext) {}

  static async open(url: string): Promise<Api> {
    const a = new Api(await request.newContext({ baseURL: url }));
    await a.session();
    return a;
  }

  async session() {
    const r = await this.ctx.get('/admin/api/session');
    const json = await r.json();
    this.csrf = json.csrfToken;
    return json;
  }

  async call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', p: string, body?: unknown) {
    const r = await this.ctx.fetch(`/admin/api${p}`, {
      method,
      headers: method === 'GET' ? {} : { 'x-csrf-token': this.csrf },
      ...(body !== undefined ? { data: body } : {}),
    });
    const text = await r.text();
    const json = text ? JSON.parse(text) : undefined;
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: r.status(), json };
  }

  async login(email: string, password = PW) {
    const r = await this.call('POST', '/login', { email, password });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  }

  dispose() {
    return this.ctx.dispose();
  }
}

/** Forces a save (Ctrl+S) and waits for the server to accept it. */
export async function saveNow(page: Page) {
  const put = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/admin\/api\/editions\/\d+$/.test(r.url()));
  await page.keyboard.press('Control+s');
  const res = await put;
  expect(res.status()).toBe(200);
  await page.locator('[data-state="saved"]').waitFor();
}

/** Headless Debian Chromium; the flags keep it from reaching for the network at start. */
/**
 * What every newsroom browser suite does first: build the SPA when its sources changed (so the
 * test drives the current app), check it is there, and start Debian's Chromium.
 */
export async function buildAdminAndLaunch(): Promise<Browser> {
  execFileSync(process.execPath, [path.resolve('scripts/build-admin.mjs')], { stdio: 'inherit' });
  expect(fs.existsSync('admin/dist/index.html')).toBe(true);
  return launchChromium();
}

/** Runs a suite's clean-ups newest first; one failing does not stop the others. */
export async function runCleanups(cleanups: (() => Promise<unknown>)[]): Promise<void> {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  cleanups.length = 0;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
