import { backupStatusSchema, type BackupStatus } from '@tillit/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { DEVELOPMENT_MANAGER } from '../plugins/access.js';

const NO_BACKUPS: BackupStatus = {
  schedule: null,
  dir: '',
  keep: 0,
  nextRunAt: null,
  lastRun: null,
  lastSuccessAt: null,
  runs: 0,
  failures: 0,
  backups: [],
  listError: null,
};

/** What the development manager sees of the running service: the scheduled backups. */
export const operationsRoutes: FastifyPluginAsyncZod<AppDeps & { backupStatus: (() => BackupStatus) | null }> = async (
  app,
  { backupStatus },
) => {
  app.get(
    '/api/system/backups',
    {
      config: { access: DEVELOPMENT_MANAGER },
      schema: {
        summary: 'The scheduled backups: schedule, the last run (and its error), the copies kept',
        tags: ['admin'],
        response: { 200: backupStatusSchema },
      },
    },
    async () => backupStatus?.() ?? NO_BACKUPS,
  );
};
