import { z } from 'zod/mini';
import type { Role } from './roles.js';
import { LOCALES } from './locales.js';
import { languageSchema } from './schemas.js';

// E-mail from the feedback loop (docs/mail.md): the kinds of message, each person's choices, and
// the outbox's health as the development manager sees it.

/**
 * What Tillit sends: the reply to a question (to the person who asked), a reply in a thread on a
 * note (to the others in the thread), and the daily digest of new questions (to the development
 * managers). A person may turn off each kind.
 */
export const mailKindSchema = z.enum(['data_need_reply', 'annotation_reply', 'data_need_digest']);
export type MailKind = z.infer<typeof mailKindSchema>;
export const MAIL_KINDS = mailKindSchema.options;

/** The kinds a role can receive, so that the settings page only offers what can arrive. */
export function mailKindsFor(role: Role): MailKind[] {
  if (role === 'development_manager') return ['data_need_reply', 'annotation_reply', 'data_need_digest'];
  if (role === 'unit_manager') return ['data_need_reply', 'annotation_reply'];
  // Politicians ask questions (by way of the summary) but write no notes.
  return ['data_need_reply'];
}

/** `GET /api/settings`: the signed-in person's own settings ("Mina inställningar"). */
export const settingsSchema = z.object({
  language: languageSchema.check(z.describe('The language of the e-mail Tillit sends the person (Swedish unless they chose English)')),
  email: z.nullable(z.string()).check(z.describe('Where the e-mail goes; set under Användare or by the identity provider')),
  isEmailFromProvider: z.boolean().check(z.describe('The address comes from the organisation’s identity provider at every sign-in')),
  isMailOn: z.boolean().check(z.describe('Whether this Tillit sends e-mail at all (SMTP_URL is set)')),
  mail: z.array(z.object({ kind: mailKindSchema, isOn: z.boolean() })).check(
    z.describe('Each kind of message the person can receive, and whether they want it'),
  ),
});
export type Settings = z.infer<typeof settingsSchema>;

/** `PUT /api/settings`: any of the language and the kinds, the rest stays. */
export const settingsUpdateSchema = z.strictObject(
    {
      language: z.optional(z.enum(LOCALES, { message: 'Ange sv (svenska) eller en (engelska)' })),
      mail: z.optional(z.partialRecord(
          mailKindSchema,
          z.boolean({ message: 'Ange true (skicka) eller false (skicka inte)' }),
          // A key that is no kind of mail (zod reports it as an unrecognised or invalid key).
          { error: (issue) => (issue.code === 'invalid_type' ? undefined : `Okänt slags e-post; ange ${MAIL_KINDS.join(', ')}`) },
        )),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `Okänt fält: ${issue.keys.join(', ')} (ange language eller mail)` : undefined) },
  ).check(z.refine((u) => u.language !== undefined || (u.mail !== undefined && Object.keys(u.mail).length > 0), {
    message: 'Ange språk eller minst ett slags e-post att slå på eller av',
  }));
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export const outboxStateSchema = z.enum(['waiting', 'sending', 'sent', 'failed']);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/** A message that could not be delivered, for the development manager to look at and resend. */
export const failedMessageSchema = z.object({
  id: z.int(),
  kind: mailKindSchema,
  to: z.string(),
  recipient: z.nullable(z.string()).check(z.describe('The recipient’s display name; null when the account is gone')),
  subject: z.string(),
  reason: z.string(),
  attempts: z.int(),
  createdAt: z.string(),
  failedAt: z.string(),
});
export type FailedMessage = z.infer<typeof failedMessageSchema>;

/** `GET /api/mail/status`: the outbox's health, next to the loop's. */
export const outboxStatusSchema = z.object({
  isMailOn: z.boolean().check(z.describe('SMTP_URL is set: messages are written to the outbox and sent')),
  waiting: z.int().check(z.describe('Messages not yet accepted by the mail server (including one being sent)')),
  failed: z.int().check(z.describe('Messages that failed for good (a 5xx from the server, an invalid address)')),
  oldestWaitingAt: z.nullable(z.string()),
  lastError: z.nullable(z.string()).check(z.describe('Why the latest attempt at a waiting message did not go through')),
  nextAttemptAt: z.nullable(z.string()),
  lastDeliveryAt: z.nullable(z.string()).check(z.describe('When the mail server last accepted a message')),
  failedMessages: z.array(failedMessageSchema).check(z.describe('The latest failed messages, newest first')),
});
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

/** After this long a message that still fails for a passing reason (server down) fails for good. */
export const MAIL_GIVE_UP_HOURS = 72;
/** The longest wait between two attempts. */
export const MAIL_MAX_RETRY_SECONDS = 3600;

/**
 * How long to wait before attempt `attempts + 1`, after `attempts` failed ones: the first retry
 * after `firstRetrySeconds` (MAIL_RETRY_SECONDS), then twice as long each time, at most an hour.
 */
export function retryDelaySeconds(attempts: number, firstRetrySeconds: number): number {
  const doublings = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(firstRetrySeconds * 2 ** doublings, MAIL_MAX_RETRY_SECONDS);
}
