import type { FailedMessage, MailKind, OutboxState } from '@tillit/domain';
import type { Db } from './database.js';

// The outbox (migration 016): messages written with the event that causes them, sent by the
// sender in services/outbox.ts. Only one server runs per database, so a row in `sending` at
// start belongs to a server that stopped mid-send.

export interface NewOutboxMessage {
  kind: MailKind;
  recipientId: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** Call inside the transaction of the event that causes the message. */
export function insertOutboxMessage(db: Db, m: NewOutboxMessage, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO outbox (kind, recipient_id, to_address, subject, text_body, html_body, message_id, status, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?)`,
      )
      .run(m.kind, m.recipientId, m.to, m.subject, m.text, m.html, m.messageId, now, now).lastInsertRowid,
  );
}

export interface OutboxMessage {
  id: number;
  kind: MailKind;
  recipientId: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  status: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

const MESSAGE_COLUMNS = `id, kind, recipient_id AS recipientId, to_address AS "to", subject, text_body AS text, html_body AS html,
  message_id AS messageId, status, attempts, last_error AS lastError, created_at AS createdAt`;

/**
 * Takes the next message that is due, oldest first, and marks it `sending` with one more attempt,
 * in one statement; the attempt number is the claim, so a result recorded by an attempt that is
 * no longer the latest changes nothing.
 */
export function claimDueMessage(db: Db, now: string): OutboxMessage | undefined {
  return db
    .prepare<[string, string], OutboxMessage>(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, last_attempt_at = ?
       WHERE id = (SELECT id FROM outbox WHERE status = 'waiting' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1)
       RETURNING ${MESSAGE_COLUMNS}`,
    )
    .get(now, now);
}

/** The mail server accepted the message. False when the claim was no longer this attempt's. */
export function markSent(db: Db, id: number, attempt: number, now: string): boolean {
  return (
    db
      .prepare("UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ? AND status = 'sending' AND attempts = ?")
      .run(now, id, attempt).changes > 0
  );
}

/** A passing failure: back to `waiting`, to be tried again at `nextAttemptAt`. */
export function markRetry(db: Db, id: number, attempt: number, error: string, nextAttemptAt: string): boolean {
  return (
    db
      .prepare("UPDATE outbox SET status = 'waiting', last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'sending' AND attempts = ?")
      .run(error, nextAttemptAt, id, attempt).changes > 0
  );
}

/** A failure for good (a 5xx, an invalid address, or too long without success). */
export function markFailed(db: Db, id: number, attempt: number, error: string, now: string): boolean {
  return (
    db
      .prepare("UPDATE outbox SET status = 'failed', last_error = ?, failed_at = ? WHERE id = ? AND status = 'sending' AND attempts = ?")
      .run(error, now, id, attempt).changes > 0
  );
}

/** At start: what a stopped server was sending goes back in the queue, due now. */
export function releaseClaims(db: Db, now: string): number {
  return db.prepare("UPDATE outbox SET status = 'waiting', next_attempt_at = ? WHERE status = 'sending'").run(now).changes;
}

/** When the next waiting message is due; null when none waits. */
export function nextDueAt(db: Db): string | null {
  return (db.prepare<[], string | null>("SELECT min(next_attempt_at) FROM outbox WHERE status = 'waiting'").pluck().get()) ?? null;
}

/** Messages the mail server has not accepted yet: waiting, or being sent. */
export function countBacklog(db: Db): number {
  return db.prepare<[], number>("SELECT count(*) FROM outbox WHERE status IN ('waiting', 'sending')").pluck().get()!;
}

export interface OutboxCounts {
  waiting: number;
  failed: number;
  oldestWaitingAt: string | null;
  nextAttemptAt: string | null;
  lastDeliveryAt: string | null;
  lastError: string | null;
}

export function outboxCounts(db: Db): OutboxCounts {
  return db
    .prepare<[], OutboxCounts>(
      `SELECT
         (SELECT count(*) FROM outbox WHERE status IN ('waiting', 'sending')) AS waiting,
         (SELECT count(*) FROM outbox WHERE status = 'failed') AS failed,
         (SELECT min(created_at) FROM outbox WHERE status IN ('waiting', 'sending')) AS oldestWaitingAt,
         (SELECT min(next_attempt_at) FROM outbox WHERE status = 'waiting') AS nextAttemptAt,
         (SELECT max(sent_at) FROM outbox WHERE status = 'sent') AS lastDeliveryAt,
         (SELECT last_error FROM outbox WHERE status IN ('waiting', 'sending') AND last_error IS NOT NULL
          ORDER BY last_attempt_at DESC, id DESC LIMIT 1) AS lastError`,
    )
    .get()!;
}

export function listFailedMessages(db: Db, limit: number): FailedMessage[] {
  return db
    .prepare<[number], FailedMessage>(
      `SELECT o.id, o.kind, o.to_address AS "to", CASE WHEN u.erased_at IS NULL THEN u.display_name END AS recipient, o.subject,
              coalesce(o.last_error, '') AS reason, o.attempts, o.created_at AS createdAt, o.failed_at AS failedAt
       FROM outbox o LEFT JOIN users u ON u.id = o.recipient_id
       WHERE o.status = 'failed' ORDER BY o.failed_at DESC, o.id DESC LIMIT ?`,
    )
    .all(limit);
}

export function findOutboxMessage(db: Db, id: number): OutboxMessage | undefined {
  return db.prepare<[number], OutboxMessage>(`SELECT ${MESSAGE_COLUMNS} FROM outbox WHERE id = ?`).get(id);
}

/** A failed message goes back in the queue, to `to` (the account's address now), as a new first attempt. */
export function requeueFailed(db: Db, id: number, to: string, now: string): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET status = 'waiting', to_address = ?, attempts = 0, next_attempt_at = ?, last_error = NULL, failed_at = NULL
         WHERE id = ? AND status = 'failed'`,
      )
      .run(to, now, id).changes > 0
  );
}

/** Sent and failed messages older than `before` are deleted: the outbox is a queue, not an archive. */
export function deleteFinishedBefore(db: Db, before: string): number {
  return db
    .prepare(
      `DELETE FROM outbox WHERE (status = 'sent' AND sent_at < ?) OR (status = 'failed' AND failed_at < ?)`,
    )
    .run(before, before).changes;
}

/** The messages to one person, for their data (GDPR art. 15). */
export function messagesTo(db: Db, userId: number): { kind: MailKind; subject: string; status: OutboxState; createdAt: string; sentAt: string | null }[] {
  return db
    .prepare<[number], ReturnType<typeof messagesTo>[number]>('SELECT kind, subject, status, created_at AS createdAt, sent_at AS sentAt FROM outbox WHERE recipient_id = ? ORDER BY id')
    .all(userId);
}
