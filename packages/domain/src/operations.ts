import { z } from 'zod/mini';
import { annotationVisibilitySchema } from './annotations.js';
import { dataNeedStatusSchema } from './data-needs.js';
import { mailKindSchema, outboxStateSchema } from './mail.js';
import { auditEntrySchema, roleSchema } from './people.js';
import { languageSchema } from './schemas.js';

// Running Tillit: readiness, scheduled backups, and a person's data (GDPR arts. 15 and 17).

/** `GET /api/health/ready`: 200 when the database answers, takes writes and has every migration. */
export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'failed']).check(z.describe('A read answers')),
    writable: z.enum(['ok', 'busy', 'failed', 'unknown']).check(
      z.describe('A write (rolled back) is accepted; busy: another process holds the write lock'),
    ),
    migrations: z.enum(['ok', 'pending', 'unknown']).check(z.describe('Every migration the server knows is applied')),
  }),
  reason: z.nullable(z.string()).check(z.describe('Why the service is not ready; null when it is')),
  pendingMigrations: z.array(z.string()),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const backupRunSchema = z.object({
  at: z.string().check(z.describe('When the run started (ISO 8601)')),
  ok: z.boolean(),
  file: z.nullable(z.string()).check(z.describe('The new copy, in BACKUP_DIR; null when the run failed')),
  bytes: z.nullable(z.int()),
  durationMs: z.int(),
  pruned: z.array(z.string()).check(z.describe('Older copies removed because more than BACKUP_KEEP were kept')),
  error: z.nullable(z.string()),
  warning: z.nullable(z.string()).check(z.describe('The copy is good, but an old one could not be removed')),
});
export type BackupRun = z.infer<typeof backupRunSchema>;

export const backupStatusSchema = z.object({
  schedule: z.nullable(z.string()).check(z.describe('BACKUP_SCHEDULE; null when scheduled backups are off')),
  dir: z.string(),
  keep: z.int(),
  nextRunAt: z.nullable(z.string()),
  lastRun: z.nullable(backupRunSchema).check(z.describe('The last run since the server started')),
  lastSuccessAt: z.nullable(z.string()).check(z.describe('The last good copy, also from before a restart')),
  runs: z.int(),
  failures: z.int(),
  backups: z.array(z.object({ file: z.string(), bytes: z.int(), at: z.string() })).check(
    z.describe('The copies in BACKUP_DIR, newest first'),
  ),
  listError: z.nullable(z.string()),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** What an erased person's notes and questions show as their author. */
export const ERASED_USER_NAME = 'Borttagen användare';

export const personalDataSchema = z.object({
  exportedAt: z.string(),
  account: z.object({
    id: z.int(),
    username: z.string(),
    displayName: z.string(),
    email: z.optional(z.nullable(z.string())),
    role: roleSchema,
    unitIds: z.array(z.string()),
    isActive: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  sessions: z.array(z.object({ createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string() })),
  notes: z.array(
      z.object({
        id: z.int(),
        parentId: z.nullable(z.int()).check(z.describe('Set for a reply in a thread')),
        unitId: z.string(),
        metricKey: z.string(),
        yearFrom: z.int(),
        yearTo: z.int(),
        visibility: annotationVisibilitySchema,
        text: z.string(),
        createdAt: z.string(),
        updatedAt: z.string(),
      }),
    ).check(z.describe('Notes and replies the person wrote')),
  questions: z.array(
      z.object({
        id: z.int(),
        metricKey: z.string(),
        unitId: z.nullable(z.string()),
        text: z.string(),
        status: dataNeedStatusSchema,
        reply: z.nullable(z.string()),
        repliedAt: z.nullable(z.string()),
        createdAt: z.string(),
      }),
    ).check(z.describe('Their answers to "Vilka data behöver du?", with the replies they got')),
  repliesGiven: z.array(z.object({ questionId: z.int(), reply: z.nullable(z.string()), repliedAt: z.nullable(z.string()) })).check(
    z.describe('Replies the person gave to others\' questions'),
  ),
  publicLinks: z.array(z.object({ id: z.int(), label: z.string(), createdAt: z.string(), revokedAt: z.nullable(z.string()) })),
  otherRecords: z.array(z.object({ kind: z.enum(['import', 'reorganisation', 'kolada_import', 'definition_change']), id: z.string(), at: z.string() })).check(
    z.describe('Imports, reorganisations, Kolada imports and definition changes recorded under their username'),
  ),
  audit: z.object({
    byThem: z.array(auditEntrySchema),
    aboutThem: z.array(auditEntrySchema),
  }),
  mentionedIn: z.array(z.object({ kind: z.enum(['note', 'question']), id: z.int(), text: z.string(), createdAt: z.string() })).check(
    z.describe("Others' notes and questions whose text contains the person's name or username: review before handing out"),
  ),
  mail: z.optional(z.object({
      language: languageSchema,
      optOuts: z.array(mailKindSchema),
      messages: z.array(
        z.object({ kind: mailKindSchema, subject: z.string(), status: outboxStateSchema, createdAt: z.string(), sentAt: z.nullable(z.string()) }),
      ),
    })).check(
      z.describe('The language of their e-mail, the kinds they turned off, and the messages to them in the outbox (kept 30 days after sending)'),
    ),
});
export type PersonalData = z.infer<typeof personalDataSchema>;

export const eraseBodySchema = z.object({
  keepContent: z.boolean({ message: 'Ange keepContent: true (behåll anteckningar och frågor som "Borttagen användare") eller false (radera dem)' }),
});
export type EraseBody = z.infer<typeof eraseBodySchema>;

export const eraseResultSchema = z.object({
  pseudonym: z.string().check(z.describe('What the audit log now shows instead of the person')),
  keepContent: z.boolean(),
  notes: z.int().check(z.describe('Notes and replies kept as "Borttagen användare", or deleted')),
  questions: z.int().check(z.describe('Questions kept as "Borttagen användare", or deleted')),
  auditEntries: z.int().check(z.describe('Audit entries in which the person was replaced by the pseudonym')),
  otherRecords: z.int().check(z.describe('Imports, reorganisations and definition changes whose author is now the pseudonym')),
});
export type EraseResult = z.infer<typeof eraseResultSchema>;
