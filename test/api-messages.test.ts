/**
 * Server messages reach the newsroom in the user's language: every key of the API's catalogue
 * (src/i18n/api-messages.ts) has its `err.<key>` text in the SPA's ru, uz and en catalogues with
 * the same {placeholders}; and the API's errors carry the key and parameters — a zod limit, a
 * workflow rule, a conflict and an upload limit — on SQLite and PostgreSQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_MESSAGES, englishMessage, type ApiMessageKey } from '../src/i18n/api-messages.js';
import { ApiClient, multipart } from './helpers/client.js';
import { DIALECTS, makeTestSite, type TestSite } from './helpers/site.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// The SPA's catalogues, loaded by path: the server's type check (NodeNext) does not read admin/ sources.
const spa = async (lang: 'ru' | 'uz' | 'en') => ((await import(`../admin/src/i18n/${lang}.ts`)) as Record<string, Record<string, string>>)[lang]!;

describe('API message catalogue', () => {
  const keys = Object.keys(API_MESSAGES) as ApiMessageKey[];
  let ru: Record<string, string>, uz: Record<string, string>, en: Record<string, string>;
  beforeAll(async () => {
    [ru, uz, en] = await Promise.all([spa('ru'), spa('uz'), spa('en')]);
  });
  // A translation may leave a parameter out (the Russian text needs no English verb), never use one the server does not send.
  it.each(['ru', 'uz', 'en'] as const)('every server key has a %s text using only its placeholders', (lang) => {
    const dict = { ru, uz, en }[lang];
    const missing = keys.filter((k) => !dict[`err.${k}`]);
    expect(missing).toEqual([]);
    const unknown = keys.filter((k) => placeholders(dict[`err.${k}`]!).some((p) => !placeholders(API_MESSAGES[k]).includes(p)));
    expect(unknown).toEqual([]);
  });
  it('the English SPA text is the server text', () => {
    const differ = keys.filter((k) => en[`err.${k}`] !== API_MESSAGES[k]);
    expect(differ).toEqual([]);
  });
  it('has no SPA err.* text for a key the server does not know', () => {
    const orphans = Object.keys(en).filter((k) => k.startsWith('err.') && !(k.slice(4) in API_MESSAGES));
    expect(orphans).toEqual([]);
  });
  it('fills the English template from the parameters', () => {
    expect(englishMessage('upload.too_large', { limitMb: 20 })).toBe('The file is larger than the 20 MB limit. Resize it and try again.');
    expect(englishMessage('field.too_long', { max: 300 })).toBe('At most 300 characters.');
  });
});

// Sources whose messages never reach the newsroom: start-up and configuration errors, the command line, migrations, the demo generator,
// and the backup/restore work an operator runs (its messages go to the terminal and the log; the newsroom shows a failed run as "failed").
const NOT_API = /^(cli|db\/migrations|demo)\/|^config\.ts$|^ops\/backup\/(backup|restore|manifest|database|pg-tools|backup\.cli)\.ts$/;
const sources = (dir = 'src'): { file: string; text: string }[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [{ file: relative('src', path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }] : [];
  });

describe('no English-only message is left in the API code', () => {
  const files = sources().filter((f) => !NOT_API.test(f.file) && f.file !== 'i18n/api-messages.ts');
  const hits = (re: RegExp) => files.flatMap((f) => f.text.split('\n').flatMap((l, n) => (re.test(l) ? [`${f.file}:${n + 1}: ${l.trim()}`] : [])));
  it('throws typed errors with a catalogue key, never a literal sentence', () => {
    // `new Error('…')` is a programming error (a 500, logged); StartupError/ConfigError stop the process before any request.
    expect(hits(/new (?!Startup|Config)\w+Error\(\s*['"`]/)).toEqual([]);
  });
  it('gives field errors and zod custom messages a key, never a literal sentence', () => {
    expect(hits(/\bmessage: *['"`][A-Z]/)).toEqual([]);
  });
  it('names every audit action the server writes in the audit log of all three languages', async () => {
    const [ru, uz, en] = await Promise.all([spa('ru'), spa('uz'), spa('en')]);
    const actions = new Set<string>();
    for (const f of sources()) {
      for (const m of f.text.matchAll(/\.record\([^;]*?action: ((?:[\w.]+ \? )?'[a-z0-9_.]+'(?: : '[a-z0-9_.]+')?),/g)) {
        for (const a of m[1]!.matchAll(/'([a-z0-9_.]+)'/g)) actions.add(a[1]!);
      }
    }
    // Actions built from a variable (story.${how}): the workflow's verbs.
    for (const a of ['story.publish', 'story.schedule', 'story.unpublish', 'story.edit', 'story.restore', 'story.correction', 'story.update', 'story.sync', 'story.resync']) actions.add(a);
    expect(actions.size).toBeGreaterThan(20);
    const missing = [...actions].flatMap((a) => (['ru', 'uz', 'en'] as const).filter((l) => !{ ru, uz, en }[l][`audit.action.${a}`]).map((l) => `${l}: ${a}`));
    expect(missing).toEqual([]);
  });
});

const NOW = Date.UTC(2026, 10, 20, 9, 0);
const PW = 'correct horse battery';

describe.each(DIALECTS)('API errors carry key and params on %s', (dialect) => {
  let s: TestSite;
  let admin: ApiClient;
  beforeAll(async () => {
    s = await makeTestSite(dialect, { now: NOW });
    admin = new ApiClient(s.app);
    await admin.session();
    expect((await admin.req('POST', '/setup', { email: 'admin@example.uz', name: 'Главный редактор', password: PW })).status).toBe(201);
  });
  afterAll(async () => {
    await s?.close();
  });

  const saveBody = (e: any, patch: Record<string, unknown> = {}) => ({
    version: e.version, headline: e.headline, slug: e.slug, lead: e.lead, body: e.body, datelineCity: e.datelineCity,
    sectionId: e.sectionId, tagIds: [], authorIds: [], heroMediaId: e.heroMediaId,
    heroCaption: e.heroCaption, seoTitle: e.seoTitle, seoDescription: e.seoDescription, isMain: e.isMain, isBreaking: e.isBreaking, embargoUntil: e.embargoUntil, ...patch,
  });

  it('an overlong headline: field.too_long with its limit; publishing without a headline: story.headline_required', async () => {
    const created = await admin.req('POST', '/stories', { locale: 'ru', headline: '' });
    expect(created.status).toBe(201);
    const long = await admin.req('PUT', `/editions/${created.json.id}`, saveBody(created.json, { headline: 'Я'.repeat(301) }));
    expect(long.status).toBe(422);
    expect(long.json.error).toMatchObject({ code: 'validation_failed', key: 'form.invalid', message: 'Please correct the highlighted fields.' });
    expect(long.json.error.details.fields).toContainEqual({ field: 'headline', key: 'field.too_long', params: { max: 300 }, message: 'At most 300 characters.' });

    const publish = await admin.req('POST', `/editions/${created.json.id}/transition`, { to: 'published', from: 'draft' });
    expect(publish.status).toBe(422);
    expect(publish.json.error.key).toBe('story.cannot_move');
    expect(publish.json.error.details.fields).toContainEqual({ field: 'headline', key: 'story.headline_required', params: {}, message: 'Write a headline before publishing.' });
  });

  it('an image in use cannot be deleted: media.in_use_one; an upload over the limit: upload.too_large', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer();
    const { body, headers } = multipart({ name: 'a.png', type: 'image/png', data: png }, { alt: 'Площадь' });
    const up = await admin.req('POST', '/media', body, headers);
    expect(up.status, JSON.stringify(up.json)).toBe(201);
    const created = await admin.req('POST', '/stories', { locale: 'ru', headline: 'С фото' });
    const saved = await admin.req('PUT', `/editions/${created.json.id}`, saveBody(created.json, { heroMediaId: up.json.id }));
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const del = await admin.req('DELETE', `/media/${up.json.id}`);
    expect(del.status).toBe(409);
    expect(del.json.error).toMatchObject({ code: 'conflict', key: 'media.in_use_one', params: {} });

    await admin.req('PUT', '/settings', { ...(await admin.req('GET', '/settings')).json, maxUploadMb: 1 });
    const big = multipart({ name: 'b.png', type: 'image/png', data: Buffer.alloc(1024 * 1024 + 10, 1) });
    const tooBig = await admin.req('POST', '/media', big.body, big.headers);
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error).toMatchObject({ code: 'payload_too_large', key: 'upload.too_large', params: { limitMb: 1 } });
  });

  it('unknown story and a wrong password carry their keys too', async () => {
    const none = await admin.req('GET', '/editions/999999');
    expect(none.json.error).toMatchObject({ code: 'not_found', key: 'story.not_found' });
    const c = new ApiClient(s.app, '10.9.9.9');
    const bad = await c.login('admin@example.uz', 'wrong password here');
    expect(bad.json.error).toMatchObject({ code: 'unauthorized', key: 'account.credentials_wrong' });
  });
});
