/** Media library, sections/tags/authors, site settings and the audit log. */
import type { FastifyInstance } from 'fastify';
import '@fastify/multipart';
import { z } from 'zod';
import { requireCan } from '../accounts/auth.js';
import type { AuditRepository } from '../audit/audit.repository.js';
import { AuthorInput, SectionInput, type TaxonomyAdmin } from '../content/taxonomy.admin.js';
import { AppError, BadRequestError, NotFoundError, PayloadTooLargeError, ValidationError } from '../errors.js';
import { apiRoute } from '../http/route.js';
import { hasBadCharacter } from '../http/edge.js';
import { Id, idParam, parse } from '../http/validate.js';
import { LOCALES } from '../i18n/locales.js';
import type { MediaService } from '../media/media.service.js';
import { checkReferences, SiteSettingsSchema, type SettingsStore } from '../site/settings.js';
import { field } from '../errors.js';
import { key } from '../http/validate.js';
import { msg } from '../i18n/api-messages.js';

const PageQuery = z.object({ q: z.string().max(200).optional(), page: z.string().regex(/^[1-9]\d{0,5}$/, key('field.page_number')).transform(Number).default('1') });

export interface LibraryDeps {
  media: MediaService;
  taxonomy: TaxonomyAdmin;
  settings: SettingsStore;
  audit: AuditRepository;
  db: import('kysely').Kysely<import('../db/schema.js').Database>;
  purgeAll: () => void;
}

/**
 * The multipart parser's own errors (thrown from the part or from the iterator, whichever notices
 * first) in the documented shape: 413 `payload_too_large` with a message naming the limit.
 */
function uploadError(err: unknown, limitMb: number): unknown {
  switch ((err as { code?: string } | null)?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new PayloadTooLargeError(msg('upload.too_large', { limitMb }));
    case 'FST_FILES_LIMIT':
      return new PayloadTooLargeError(msg('upload.one_file'));
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new PayloadTooLargeError(msg('upload.too_many_fields'));
    default:
      // Everything else the parser throws means a body cut off or not multipart at all
      // ("Unexpected end of form", a missing boundary, a __proto__ field): the client's fault.
      return err instanceof AppError ? err : new BadRequestError(msg('upload.broken'));
  }
}

export function libraryRoutes(app: FastifyInstance, d: LibraryDeps): void {
  // ---- media
  apiRoute(app, {
    method: 'POST', url: '/media', tag: 'media', summary: 'Upload an image (multipart: file, credit, alt, caption, locale)',
    handler: async (req, reply) => {
      requireCan(req, 'media.upload');
      const limitMb = (await d.settings.get()).maxUploadMb;
      if (!req.isMultipart()) throw new ValidationError(msg('upload.not_multipart'), [field('file', 'upload.choose_file')]);
      d.media.queue.assertRoom(); // before buffering up to maxUploadMb of a body that would wait anyway
      const fields: Record<string, string> = {};
      let file: { data: Buffer; name: string } | null = null;
      try {
        for await (const part of req.parts({ limits: { fileSize: limitMb * 1024 * 1024, files: 1, fields: 10 } })) {
          if (part.type === 'file') file = { data: await part.toBuffer(), name: part.filename };
          else fields[part.fieldname] = String(part.value ?? '').slice(0, 1000);
        }
      } catch (err) {
        throw uploadError(err, limitMb);
      }
      if (!file || file.data.length === 0) throw new ValidationError(msg('upload.choose_file'), [field('file', 'upload.choose_file')]);
      // Multipart text is read here, past the edge hook's JSON walk: the same rule, before anything is stored.
      if ([file.name, ...Object.values(fields)].some(hasBadCharacter)) throw new BadRequestError(msg('request.bad_character'));
      const locale = (LOCALES as readonly string[]).includes(fields.locale ?? '') ? fields.locale! : 'ru';
      const id = await d.media.storeImage({ data: file.data, originalName: file.name.slice(0, 200), credit: fields.credit ?? '', texts: { [locale]: { alt: fields.alt ?? '', caption: fields.caption ?? '' } } });
      return reply.code(201).send(await d.media.presentOne(id));
    },
  });
  apiRoute(app, {
    method: 'POST', url: '/videos', tag: 'media', summary: 'Upload an MP4 or WebM video (multipart: file); stored as sent',
    handler: async (req, reply) => {
      requireCan(req, 'media.upload');
      const limitMb = d.media.videos.maxMb;
      if (!req.isMultipart()) throw new ValidationError(msg('upload.video_not_multipart'), [field('file', 'upload.choose_video')]);
      const release = d.media.videos.claim(); // a slot before buffering up to the limit in memory
      try {
        let file: { data: Buffer; name: string } | null = null;
        try {
          for await (const part of req.parts({ limits: { fileSize: limitMb * 1024 * 1024, files: 1, fields: 5 } })) {
            if (part.type === 'file') file = { data: await part.toBuffer(), name: part.filename };
          }
        } catch (err) {
          throw uploadError(err, limitMb);
        }
        if (!file || file.data.length === 0) throw new ValidationError(msg('upload.choose_video'), [field('file', 'upload.choose_video')]);
        if (hasBadCharacter(file.name)) throw new BadRequestError(msg('request.bad_character'));
        return reply.code(201).send(await d.media.videos.store(file.data, file.name));
      } finally {
        release();
      }
    },
  });
  apiRoute(app, {
    method: 'GET', url: '/media', tag: 'media', summary: 'Search the media library', query: PageQuery,
    handler: async (req) => {
      requireCan(req, 'media.upload');
      const q = parse(PageQuery, req.query);
      return d.media.list(q.q?.trim() || undefined, q.page);
    },
  });
  apiRoute(app, {
    method: 'GET', url: '/media/:id', tag: 'media', summary: 'One image of the library',
    handler: async (req) => {
      requireCan(req, 'media.upload');
      const m = await d.media.presentOne(idParam(req.params));
      if (!m) throw new NotFoundError(msg('media.not_found'));
      return m;
    },
  });
  apiRoute(app, {
    method: 'GET', url: '/media/:id/uses', tag: 'media', summary: 'Where an image is used (stories, authors, the logo), with edit links',
    handler: async (req) => {
      requireCan(req, 'media.upload');
      const id = idParam(req.params);
      if (!(await d.media.presentOne(id))) throw new NotFoundError(msg('media.not_found'));
      return { items: await d.media.uses(id) };
    },
  });
  const MediaPatch = z.object({ credit: z.string().max(200).optional(), texts: z.record(z.enum(LOCALES), z.object({ alt: z.string().max(500).optional(), caption: z.string().max(1000).optional() })).optional() });
  apiRoute(app, {
    method: 'PATCH', url: '/media/:id', tag: 'media', summary: 'Edit credit, alt text and captions', body: MediaPatch,
    handler: async (req) => {
      requireCan(req, 'media.edit');
      const updated = await d.media.update(idParam(req.params), parse(MediaPatch, req.body));
      // Alt texts, captions and credits are on every page that shows the image (and remembered by the site).
      d.purgeAll();
      return updated;
    },
  });
  apiRoute(app, {
    method: 'DELETE', url: '/media/:id', tag: 'media', summary: 'Delete an image no story uses',
    handler: async (req, reply) => {
      requireCan(req, 'media.delete');
      await d.media.remove(idParam(req.params));
      return reply.code(204).send();
    },
  });

  // ---- taxonomy
  apiRoute(app, { method: 'GET', url: '/sections', tag: 'taxonomy', summary: 'Sections', handler: async (req) => (requireCan(req, 'taxonomy.read'), { items: await d.taxonomy.sections() }) });
  apiRoute(app, {
    method: 'POST', url: '/sections', tag: 'taxonomy', summary: 'Create a section', body: SectionInput,
    handler: async (req, reply) => {
      requireCan(req, 'taxonomy.manage');
      const s = await d.taxonomy.createSection(parse(SectionInput, req.body));
      d.purgeAll();
      return reply.code(201).send(s);
    },
  });
  apiRoute(app, {
    method: 'PATCH', url: '/sections/:id', tag: 'taxonomy', summary: 'Edit a section', body: SectionInput,
    handler: async (req) => {
      requireCan(req, 'taxonomy.manage');
      const s = await d.taxonomy.updateSection(idParam(req.params), parse(SectionInput, req.body));
      d.purgeAll();
      return s;
    },
  });
  const TagQuery = z.object({ q: z.string().max(100).default('') });
  apiRoute(app, { method: 'GET', url: '/tags', tag: 'taxonomy', summary: 'Find tags by name', query: TagQuery, handler: async (req) => (requireCan(req, 'taxonomy.read'), { items: await d.taxonomy.searchTags(parse(TagQuery, req.query).q) }) });
  const NewTag = z.object({ name: z.string().max(80), locale: z.enum(LOCALES) });
  apiRoute(app, {
    method: 'POST', url: '/tags', tag: 'taxonomy', summary: 'Create a tag (or return the one with that name)', body: NewTag,
    handler: async (req, reply) => {
      requireCan(req, 'tags.create');
      const input = parse(NewTag, req.body);
      return reply.code(201).send(await d.taxonomy.createTag(input.name, input.locale));
    },
  });
  const TagPatch = z.object({ names: z.record(z.enum(LOCALES), z.string().max(80)), slug: z.string().trim().max(200).optional() });
  apiRoute(app, {
    method: 'PATCH', url: '/tags/:id', tag: 'taxonomy', summary: 'Rename a tag (a new slug keeps the old address as a redirect)', body: TagPatch,
    handler: async (req) => {
      requireCan(req, 'taxonomy.manage');
      const input = parse(TagPatch, req.body);
      const t = await d.taxonomy.updateTag(idParam(req.params), input.names, input.slug);
      d.purgeAll();
      return t;
    },
  });
  const TagDeleteQuery = z.object({ confirm: z.enum(['0', '1']).default('0') });
  apiRoute(app, {
    method: 'DELETE', url: '/tags/:id', tag: 'taxonomy', summary: 'Delete a tag (409 with the story count unless confirm=1)', query: TagDeleteQuery,
    handler: async (req, reply) => {
      const me = requireCan(req, 'taxonomy.manage');
      await d.taxonomy.deleteTag(idParam(req.params), { confirm: parse(TagDeleteQuery, req.query).confirm === '1', userId: me.user.id, audit: d.audit });
      d.purgeAll();
      return reply.code(204).send();
    },
  });
  const TagMerge = z.object({ into: Id });
  apiRoute(app, {
    method: 'POST', url: '/tags/:id/merge', tag: 'taxonomy', summary: 'Merge a tag into another: stories move, its address redirects', body: TagMerge,
    handler: async (req) => {
      const me = requireCan(req, 'taxonomy.manage');
      const t = await d.taxonomy.mergeTag(idParam(req.params), parse(TagMerge, req.body).into, { userId: me.user.id, audit: d.audit });
      d.purgeAll();
      return t;
    },
  });
  apiRoute(app, { method: 'GET', url: '/authors', tag: 'taxonomy', summary: 'Authors', handler: async (req) => (requireCan(req, 'taxonomy.read'), { items: await d.taxonomy.authors() }) });
  apiRoute(app, {
    method: 'POST', url: '/authors', tag: 'taxonomy', summary: 'Create an author', body: AuthorInput,
    handler: async (req, reply) => (requireCan(req, 'taxonomy.manage'), reply.code(201).send(await d.taxonomy.createAuthor(parse(AuthorInput, req.body)))),
  });
  apiRoute(app, {
    method: 'PATCH', url: '/authors/:id', tag: 'taxonomy', summary: 'Edit an author', body: AuthorInput,
    handler: async (req) => {
      requireCan(req, 'taxonomy.manage');
      const a = await d.taxonomy.updateAuthor(idParam(req.params), parse(AuthorInput, req.body));
      d.purgeAll();
      return a;
    },
  });

  // ---- settings
  apiRoute(app, { method: 'GET', url: '/settings', tag: 'settings', summary: 'Site settings', handler: async (req) => (requireCan(req, 'settings.read'), d.settings.get()) });
  const SettingsInput = SiteSettingsSchema;
  apiRoute(app, {
    method: 'PUT', url: '/settings', tag: 'settings', summary: 'Change site settings', body: SettingsInput,
    handler: async (req) => {
      const me = requireCan(req, 'settings.write');
      const next = parse(SettingsInput, req.body);
      // Settings that name rows are checked here, so one value cannot break every public page.
      const problems = await checkReferences(next, { mediaExists: async (id) => (await d.media.logo(id)) !== null });
      if (problems.length) throw new ValidationError(msg('form.invalid'), problems);
      await d.db.transaction().execute(async (trx) => {
        await d.settings.save(next, trx);
        await d.audit.record(trx, { userId: me.user.id, action: 'settings.update', entity: 'settings', details: next as unknown as Record<string, unknown> });
      });
      d.purgeAll();
      return d.settings.get();
    },
  });

  // ---- audit
  apiRoute(app, {
    method: 'GET', url: '/audit', tag: 'audit', summary: 'Audit log, newest first', query: PageQuery,
    handler: async (req) => {
      requireCan(req, 'audit.read');
      const { page } = parse(PageQuery, req.query);
      const size = 50;
      const { rows, total } = await d.audit.page(size, (page - 1) * size);
      return {
        items: rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), user: r.user_id === null ? null : { id: r.user_id, name: r.user_name ?? '' }, action: r.action, entity: r.entity, entityId: r.entity_id, details: JSON.parse(r.details) as unknown, target: { name: r.target_user_name ?? null, headline: r.target_headline ?? null, locale: r.target_locale ?? null } })),
        page,
        pages: Math.max(1, Math.ceil(total / size)),
        total,
      };
    },
  });
}
