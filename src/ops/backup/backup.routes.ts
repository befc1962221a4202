/**
 * The newsroom's backups (administrators only): the last backup and its size, the recent runs,
 * the schedule, and "back up now". CSRF is checked for every state change by the auth hook.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCan } from '../../accounts/auth.js';
import { apiRoute } from '../../http/route.js';
import { key } from '../../http/validate.js';
import { STALE_ERROR, type BackupRun, type BackupSchedule } from './backup.repository.js';
import type { BackupService } from './backup.service.js';

const ScheduleInput = z.object({
  enabled: z.boolean(),
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, key('backup.time_of_day')),
  keep: z.number().int().min(1, key('backup.keep')).max(365, key('backup.keep')),
});

const presentRun = (r: BackupRun) => ({
  id: r.id,
  status: r.status,
  trigger: r.trigger,
  requestedAt: r.requested_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  name: r.name,
  bytes: r.bytes,
  newBytes: r.new_bytes,
  error: r.error,
  // What the newsroom shows, in its language; `error` (the tool's own words) goes to the tooltip.
  errorCode: !r.error ? null : r.error === STALE_ERROR ? 'backup.error.stale' : 'backup.error.other',
});
const presentSchedule = (s: BackupSchedule) => ({ enabled: s.enabled === 1, timeOfDay: s.time_of_day, keep: s.keep, updatedAt: s.updated_at });

export function backupRoutes(app: FastifyInstance, backups: BackupService): void {
  apiRoute(app, {
    method: 'GET', url: '/backups', tag: 'settings', summary: 'The last backup, recent runs and the schedule',
    handler: async (req) => {
      requireCan(req, 'backups.manage');
      const s = await backups.status();
      return { schedule: presentSchedule(s.schedule), nextAt: s.nextAt, last: s.last ? presentRun(s.last) : null, runs: s.runs.map(presentRun), dir: backups.dir, timeZone: backups.timeZone() };
    },
  });
  apiRoute(app, {
    method: 'PUT', url: '/backups/schedule', tag: 'settings', summary: 'Set the backup schedule (time of day in the site zone, how many to keep)', body: ScheduleInput,
    handler: async (req) => {
      const me = requireCan(req, 'backups.manage');
      return presentSchedule(await backups.saveSchedule(me.user.id, req.body));
    },
  });
  apiRoute(app, {
    method: 'POST', url: '/backups', tag: 'settings', summary: 'Start a backup now (409 while one is queued or running)',
    handler: async (req, reply) => {
      const me = requireCan(req, 'backups.manage');
      return reply.code(202).send(presentRun(await backups.request(me.user.id)));
    },
  });
}
