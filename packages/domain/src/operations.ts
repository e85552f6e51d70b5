import { z } from 'zod';
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
    database: z.enum(['ok', 'failed']).describe('A read answers'),
    writable: z.enum(['ok', 'busy', 'failed', 'unknown']).describe('A write (rolled back) is accepted; busy: another process holds the write lock'),
    migrations: z.enum(['ok', 'pending', 'unknown']).describe('Every migration the server knows is applied'),
  }),
  reason: z.string().nullable().describe('Why the service is not ready; null when it is'),
  pendingMigrations: z.array(z.string()),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const backupRunSchema = z.object({
  at: z.string().describe('When the run started (ISO 8601)'),
  ok: z.boolean(),
  file: z.string().nullable().describe('The new copy, in BACKUP_DIR; null when the run failed'),
  bytes: z.number().int().nullable(),
  durationMs: z.number().int(),
  pruned: z.array(z.string()).describe('Older copies removed because more than BACKUP_KEEP were kept'),
  error: z.string().nullable(),
  warning: z.string().nullable().describe('The copy is good, but an old one could not be removed'),
});
export type BackupRun = z.infer<typeof backupRunSchema>;

export const backupStatusSchema = z.object({
  schedule: z.string().nullable().describe('BACKUP_SCHEDULE; null when scheduled backups are off'),
  dir: z.string(),
  keep: z.number().int(),
  nextRunAt: z.string().nullable(),
  lastRun: backupRunSchema.nullable().describe('The last run since the server started'),
  lastSuccessAt: z.string().nullable().describe('The last good copy, also from before a restart'),
  runs: z.number().int(),
  failures: z.number().int(),
  backups: z.array(z.object({ file: z.string(), bytes: z.number().int(), at: z.string() })).describe('The copies in BACKUP_DIR, newest first'),
  listError: z.string().nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** What an erased person's notes and questions show as their author. */
export const ERASED_USER_NAME = 'Borttagen användare';

export const personalDataSchema = z.object({
  exportedAt: z.string(),
  account: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable().optional(),
    role: roleSchema,
    unitIds: z.array(z.string()),
    isActive: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  sessions: z.array(z.object({ createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string() })),
  notes: z
    .array(
      z.object({
        id: z.number().int(),
        parentId: z.number().int().nullable().describe('Set for a reply in a thread'),
        unitId: z.string(),
        metricKey: z.string(),
        yearFrom: z.number().int(),
        yearTo: z.number().int(),
        visibility: annotationVisibilitySchema,
        text: z.string(),
        createdAt: z.string(),
        updatedAt: z.string(),
      }),
    )
    .describe('Notes and replies the person wrote'),
  questions: z
    .array(
      z.object({
        id: z.number().int(),
        metricKey: z.string(),
        unitId: z.string().nullable(),
        text: z.string(),
        status: dataNeedStatusSchema,
        reply: z.string().nullable(),
        repliedAt: z.string().nullable(),
        createdAt: z.string(),
      }),
    )
    .describe('Their answers to "Vilka data behöver du?", with the replies they got'),
  repliesGiven: z
    .array(z.object({ questionId: z.number().int(), reply: z.string().nullable(), repliedAt: z.string().nullable() }))
    .describe('Replies the person gave to others\' questions'),
  publicLinks: z.array(z.object({ id: z.number().int(), label: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })),
  otherRecords: z
    .array(z.object({ kind: z.enum(['import', 'reorganisation', 'kolada_import', 'definition_change']), id: z.string(), at: z.string() }))
    .describe('Imports, reorganisations, Kolada imports and definition changes recorded under their username'),
  audit: z.object({
    byThem: z.array(auditEntrySchema),
    aboutThem: z.array(auditEntrySchema),
  }),
  mentionedIn: z
    .array(z.object({ kind: z.enum(['note', 'question']), id: z.number().int(), text: z.string(), createdAt: z.string() }))
    .describe("Others' notes and questions whose text contains the person's name or username: review before handing out"),
  mail: z
    .object({
      language: languageSchema,
      optOuts: z.array(mailKindSchema),
      messages: z.array(
        z.object({ kind: mailKindSchema, subject: z.string(), status: outboxStateSchema, createdAt: z.string(), sentAt: z.string().nullable() }),
      ),
    })
    .optional()
    .describe('The language of their e-mail, the kinds they turned off, and the messages to them in the outbox (kept 30 days after sending)'),
});
export type PersonalData = z.infer<typeof personalDataSchema>;

export const eraseBodySchema = z.object({
  keepContent: z.boolean({ message: 'Ange keepContent: true (behåll anteckningar och frågor som "Borttagen användare") eller false (radera dem)' }),
});
export type EraseBody = z.infer<typeof eraseBodySchema>;

export const eraseResultSchema = z.object({
  pseudonym: z.string().describe('What the audit log now shows instead of the person'),
  keepContent: z.boolean(),
  notes: z.number().int().describe('Notes and replies kept as "Borttagen användare", or deleted'),
  questions: z.number().int().describe('Questions kept as "Borttagen användare", or deleted'),
  auditEntries: z.number().int().describe('Audit entries in which the person was replaced by the pseudonym'),
  otherRecords: z.number().int().describe('Imports, reorganisations and definition changes whose author is now the pseudonym'),
});
export type EraseResult = z.infer<typeof eraseResultSchema>;
