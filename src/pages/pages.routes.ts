/**
 * /admin/api/pages: the newsroom's static pages (editors and admins). Every change is a
 * conditional save with a revision; the footer's links are the `footerPages` setting, which this
 * screen edits too (the settings screen shows it as well).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCan } from '../accounts/auth.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { apiRoute } from '../http/route.js';
import { Id, idParam, parse } from '../http/validate.js';
import { LOCALES, type Locale } from '../i18n/locales.js';
import type { SettingsStore } from '../site/settings.js';
import { urls } from '../site/urls.js';
import type { StoryDoc } from '../content/document.js';
import type { PageRow } from './pages.repository.js';
import type { PagesService } from './pages.service.js';

const Body = z.object({ type: z.literal('doc'), content: z.array(z.unknown()) }).passthrough();
const CreateInput = z.object({
  locale: z.enum(LOCALES),
  title: z.string().max(300),
  slug: z.string().max(200).optional(),
  body: Body.optional(),
  status: z.enum(['draft', 'published']).default('draft'),
  groupId: Id.nullable().optional(),
});
const SaveInput = z.object({
  version: z.number().int().min(1),
  title: z.string().max(300).optional(),
  slug: z.string().max(200).optional(),
  body: Body.optional(),
  status: z.enum(['draft', 'published']).optional(),
});
const RestoreInput = z.object({ revisionId: Id, version: z.number().int().min(1) });
const FooterInput = z.object({ ids: z.array(Id).max(20) });

function present(p: PageRow, footer: readonly number[]) {
  return {
    id: p.id, locale: p.locale, slug: p.slug, title: p.title, status: p.status, groupId: p.group_id, version: p.version,
    href: urls.page(p.locale as Locale, p.slug), inFooter: footer.includes(p.id) || (p.group_id !== null && footer.includes(p.group_id)),
    updatedAt: new Date(p.updated_at).toISOString(), publishedAt: p.published_at === null ? null : new Date(p.published_at).toISOString(),
  };
}

export function pagesRoutes(app: FastifyInstance, d: { pages: PagesService; settings: SettingsStore; audit: AuditRepository; db: Kysely<Database>; purgeAll: () => void }): void {
  const footer = async () => (await d.settings.get()).footerPages;
  apiRoute(app, {
    method: 'GET', url: '/pages', tag: 'pages', summary: 'Static pages, newest change first',
    handler: async (req) => {
      requireCan(req, 'pages.manage');
      const f = await footer();
      return { items: (await d.pages.repo.list()).map((p) => present(p, f)), footer: f };
    },
  });
  apiRoute(app, {
    method: 'POST', url: '/pages', tag: 'pages', summary: 'Create a static page', body: CreateInput,
    handler: async (req, reply) => {
      const me = requireCan(req, 'pages.manage');
      const b = parse(CreateInput, req.body);
      const p = await d.pages.create({ locale: b.locale, title: b.title, slug: b.slug || undefined, doc: (b.body ?? { type: 'doc', content: [] }) as StoryDoc, status: b.status, groupId: b.groupId ?? null }, me.user.id);
      return reply.code(201).send({ ...present(p, await footer()), body: JSON.parse(p.body_json) });
    },
  });
  apiRoute(app, {
    method: 'GET', url: '/pages/:id', tag: 'pages', summary: 'A static page with its body and revisions',
    handler: async (req) => {
      requireCan(req, 'pages.manage');
      const p = await d.pages.get(idParam(req.params));
      const revisions = (await d.pages.repo.revisions(p.id)).map((r) => ({ id: r.id, version: r.version, savedAt: new Date(r.saved_at).toISOString(), title: r.title, slug: r.slug, savedBy: r.saved_by_name ?? null }));
      return { ...present(p, await footer()), body: JSON.parse(p.body_json), revisions };
    },
  });
  apiRoute(app, {
    method: 'PUT', url: '/pages/:id', tag: 'pages', summary: 'Save a new version of a static page (409 when someone saved first)', body: SaveInput,
    handler: async (req) => {
      const me = requireCan(req, 'pages.manage');
      const b = parse(SaveInput, req.body);
      const p = await d.pages.save(idParam(req.params), b.version, { title: b.title, slug: b.slug, doc: b.body as StoryDoc | undefined, status: b.status }, me.user.id);
      return { ...present(p, await footer()), body: JSON.parse(p.body_json) };
    },
  });
  apiRoute(app, {
    method: 'POST', url: '/pages/:id/restore', tag: 'pages', summary: 'Bring back a revision as a new version', body: RestoreInput,
    handler: async (req) => {
      const me = requireCan(req, 'pages.manage');
      const b = parse(RestoreInput, req.body);
      const p = await d.pages.restore(idParam(req.params), b.revisionId, b.version, me.user.id);
      return { ...present(p, await footer()), body: JSON.parse(p.body_json) };
    },
  });
  apiRoute(app, {
    method: 'DELETE', url: '/pages/:id', tag: 'pages', summary: 'Delete a static page and its revisions',
    handler: async (req, reply) => {
      requireCan(req, 'pages.manage');
      await d.pages.remove(idParam(req.params));
      return reply.code(204).send();
    },
  });
  apiRoute(app, {
    method: 'PUT', url: '/pages-footer', tag: 'pages', summary: 'The pages linked from the footer, in order', body: FooterInput,
    handler: async (req) => {
      const me = requireCan(req, 'pages.manage');
      const ids = [...new Set(parse(FooterInput, req.body).ids)];
      await d.db.transaction().execute(async (trx) => {
        await d.settings.save({ footerPages: ids }, trx);
        await d.audit.record(trx, { userId: me.user.id, action: 'settings.update', entity: 'settings', details: { footerPages: ids } });
      });
      d.purgeAll();
      return { footer: ids };
    },
  });
}
