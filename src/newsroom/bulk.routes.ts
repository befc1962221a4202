/** The desk's bulk endpoint: validate → authorize (per item, in the service) → run → per-item answer. */
import type { FastifyInstance } from 'fastify';
import { requireCan } from '../accounts/auth.js';
import { apiRoute } from '../http/route.js';
import { parse } from '../http/validate.js';
import { BulkInput, type BulkService } from './bulk.service.js';

export function bulkRoutes(app: FastifyInstance, bulk: BulkService): void {
  apiRoute(app, {
    method: 'POST', url: '/bulk', tag: 'stories', summary: 'Submit, publish, unpublish, move to a section or tag up to 100 editions; the answer lists each item', body: BulkInput,
    handler: async (req) => bulk.run(requireCan(req, 'stories.create').user, parse(BulkInput, req.body)),
  });
}
