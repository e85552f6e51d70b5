import type { OutboxStatus } from '@tillit/domain';
import { Cron } from 'croner';
import type { MailConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { findRecipient } from '../db/mail-settings.js';
import { getMeta, setMeta } from '../db/meta.js';
import { countBacklog, deleteFinishedBefore, findOutboxMessage, listFailedMessages, outboxCounts, requeueFailed } from '../db/outbox.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import type { JobLog } from './backup-schedule.js';
import { createMailNotifier, DIGEST_META_KEY, type MailNotifier } from './mail-notify.js';
import { createOutboxSender, type OutboxSender, type SenderOptions } from './outbox.js';

/** The digest's clock: the organisation's, whatever the server's zone is. */
const DIGEST_TIME_ZONE = 'Europe/Stockholm';
/** How long sent and failed messages stay in the outbox. */
const OUTBOX_KEEP_DAYS = 30;

export interface Mail {
  notifier: MailNotifier;
  sender: OutboxSender;
  /** The daily digest and clean-up, as the schedule runs them (tests call it with their own time). */
  runDaily(now?: Date): { digests: number; deleted: number };
  backlog(): number;
  start(log: JobLog): void;
  stop(): Promise<void>;
}

/**
 * E-mail from the feedback loop: the notifier writes messages to the outbox with their events,
 * the sender delivers them, and a daily job makes the digest of new questions at
 * MAIL_DIGEST_HOUR (Swedish time) and clears old sent messages. Exists only with SMTP_URL.
 */
export function createMail(db: Db, config: MailConfig, extra: Pick<SenderOptions, 'timeouts' | 'now'> = {}): Mail {
  const sender = createOutboxSender(db, { smtpUrl: config.smtpUrl, from: config.from, retrySeconds: config.retrySeconds, ...extra });
  const clock = extra.now ?? (() => new Date());
  const notifier = createMailNotifier(db, { publicUrl: config.publicUrl, messageIdDomain: config.fromDomain, onQueued: () => sender.wake(), now: clock });
  const pattern = `0 ${config.digestHour} * * *`;
  let job: Cron | null = null;

  const runDaily = (now: Date = clock()) => {
    const digests = notifier.digest(now);
    const deleted = deleteFinishedBefore(db, new Date(now.getTime() - OUTBOX_KEEP_DAYS * 86_400_000).toISOString());
    return { digests, deleted };
  };

  return {
    notifier,
    sender,
    runDaily,
    backlog: () => countBacklog(db),
    start(log: JobLog): void {
      sender.start(log);
      const run = () => {
        try {
          const result = runDaily();
          if (result.digests > 0 || result.deleted > 0) log.info({ mail: result }, 'daily digest written, old messages cleared');
        } catch (err) {
          log.error({ err }, 'the daily digest failed');
        }
      };
      // The digest counts from when mail was turned on, and one missed while the server was
      // stopped is made at once.
      const last = getMeta(db, DIGEST_META_KEY);
      const now = clock();
      if (last === undefined) setMeta(db, DIGEST_META_KEY, now.toISOString());
      else {
        const due = new Cron(pattern, { timezone: DIGEST_TIME_ZONE, paused: true }).previousRuns(1, now)[0];
        if (due && due.toISOString() > last) run();
      }
      job ??= new Cron(pattern, { timezone: DIGEST_TIME_ZONE, protect: true, catch: (err: unknown) => log.error({ err }, 'the daily digest failed') }, run);
    },
    async stop(): Promise<void> {
      job?.stop();
      job = null;
      await sender.stop();
    },
  };
}

/** The outbox's health for the development manager, and resending a failed message. */
export function createOutboxAdmin(db: Db, mail: Mail | null) {
  return {
    status(): OutboxStatus {
      return { isMailOn: mail !== null, ...outboxCounts(db), failedMessages: listFailedMessages(db, 20) };
    },

    /** A failed message goes out again, to the recipient's address as it is now (it may have been corrected). */
    resend(id: number, actor: Actor): void {
      if (!mail) throw new ConflictError('Tillit skickar ingen e-post: SMTP_URL är inte satt.');
      db.transaction(() => {
        const message = findOutboxMessage(db, id);
        if (!message) throw new NotFoundError(`Meddelandet ${id} finns inte i utkorgen.`);
        if (message.status !== 'failed') throw new ConflictError('Meddelandet har inte misslyckats; bara misslyckade meddelanden kan skickas igen.');
        const to = findRecipient(db, message.recipientId)?.email ?? null;
        if (to === null) throw new ConflictError('Mottagaren har ingen e-postadress längre. Lägg till en under Användare och försök igen.');
        requeueFailed(db, id, to, new Date().toISOString());
        audit(db, actor, 'resend', 'outbox_message', id, { to: message.to, reason: message.lastError }, { to });
      })();
      mail.sender.wake();
    },
  };
}
export type OutboxAdmin = ReturnType<typeof createOutboxAdmin>;
