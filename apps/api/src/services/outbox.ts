import { MAIL_GIVE_UP_HOURS, retryDelaySeconds } from '@tillit/domain';
import { createTransport, type NodemailerError } from 'nodemailer';
import { z } from 'zod/mini';
import type { Db } from '../db/database.js';
import { claimDueMessage, markFailed, markRetry, markSent, nextDueAt, releaseClaims, type OutboxMessage } from '../db/outbox.js';
import type { JobLog } from './backup-schedule.js';

export interface SenderOptions {
  /** SMTP_URL: smtp://host:25 (STARTTLS when the server offers it) or smtps://user:pass@host:465. */
  smtpUrl: string;
  /** MAIL_FROM, e.g. `Tillit <tillit@kommun.se>`. */
  from: string;
  /** MAIL_RETRY_SECONDS: the first retry after a passing failure; then twice as long, at most an hour. */
  retrySeconds: number;
  /** How long to wait for the mail server, in ms (tests make them short). */
  timeouts?: { connection?: number; greeting?: number; socket?: number };
  /** The clock; tests pass their own. */
  now?: () => Date;
}

/** What happened to one message in a `drain`. */
export type Outcome = { id: number; result: 'sent' | 'retry' | 'failed'; error?: string };

/** When a stop waits no longer for a message being sent: it stays `sending` and goes again at the next start. */
const STOP_WAIT_MS = 5_000;
/** The sender looks at least this often, whatever the queue says (a clock change, a resend). */
const MAX_SLEEP_MS = 60_000;

/** The mail server's own reply when there is one (`550 5.1.1 Mailbox unavailable`), else the error and its code. */
const describe = (err: NodemailerError): string => {
  const text = err.response ?? (err.code === undefined ? err.message : `${err.code}: ${err.message}`);
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
};

const isAddress = (to: string): boolean => z.email().safeParse(to).success;

/**
 * Whether the mail server refused the message itself, for good: a 5xx reply to it (RFC 5321;
 * nodemailer says `permanent`), or an address nodemailer could not even put on the envelope. A
 * refused sign-in or TLS handshake is the configuration's fault, not the message's: it waits.
 */
function isPermanent(err: NodemailerError): boolean {
  if (err.code === 'EAUTH' || err.code === 'ENOAUTH' || err.code === 'ETLS' || err.code === 'ECONFIG') return false;
  if (err.permanent === true) return true;
  return err.code === 'EENVELOPE' && err.responseCode === undefined;
}

const asNodemailerError = (err: unknown): NodemailerError => (err instanceof Error ? err : new Error(String(err)));

/**
 * Delivers the outbox. One message at a time, oldest first; a message is marked sent only after
 * the mail server has accepted it (so a stop between the two sends it again at most once, with
 * the same Message-ID). A passing failure (server down, slow, 4xx) waits and is tried again with
 * back-off; a 5xx or an invalid address fails it for good, with the reason.
 */
export function createOutboxSender(db: Db, options: SenderOptions) {
  const clock = options.now ?? (() => new Date());
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: options.timeouts?.connection ?? 30_000,
    greetingTimeout: options.timeouts?.greeting ?? 30_000,
    socketTimeout: options.timeouts?.socket ?? 60_000,
    // The messages are ours; nothing in them may make nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  let log: JobLog | null = null;
  let draining: Promise<Outcome[]> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let isStarted = false;
  let isStopped = false;

  async function deliver(m: OutboxMessage): Promise<Outcome> {
    if (!isAddress(m.to)) {
      const reason = `Ogiltig e-postadress: ${m.to}`;
      markFailed(db, m.id, m.attempts, reason, clock().toISOString());
      return { id: m.id, result: 'failed', error: reason };
    }
    try {
      await transport.sendMail({
        from: options.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        date: new Date(m.createdAt),
        // RFC 3834: no out-of-office replies to a machine.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (caught) {
      const err = asNodemailerError(caught);
      const error = describe(err);
      const now = clock();
      const isTooLate = now.getTime() - Date.parse(m.createdAt) >= MAIL_GIVE_UP_HOURS * 3_600_000;
      if (isPermanent(err) || isTooLate) {
        const reason = isPermanent(err) ? error : `Gav upp efter ${MAIL_GIVE_UP_HOURS} timmar utan leverans: ${error}`;
        markFailed(db, m.id, m.attempts, reason, now.toISOString());
        log?.error({ outboxId: m.id, attempts: m.attempts, error: reason }, 'mail failed for good');
        return { id: m.id, result: 'failed', error: reason };
      }
      const next = new Date(now.getTime() + retryDelaySeconds(m.attempts, options.retrySeconds) * 1000).toISOString();
      markRetry(db, m.id, m.attempts, error, next);
      log?.info({ outboxId: m.id, attempts: m.attempts, error, nextAttemptAt: next }, 'mail not delivered yet; will try again');
      return { id: m.id, result: 'retry', error };
    }
    markSent(db, m.id, m.attempts, clock().toISOString());
    return { id: m.id, result: 'sent' };
  }

  async function drainOnce(): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (;;) {
      if (isStopped) break;
      const m = claimDueMessage(db, clock().toISOString());
      if (!m) break;
      outcomes.push(await deliver(m));
    }
    return outcomes;
  }

  /** Sends every message that is due now, one after the other; a second call while one runs waits for it and runs again. */
  function drain(): Promise<Outcome[]> {
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      const outcomes: Outcome[] = [];
      try {
        do {
          again = false;
          outcomes.push(...(await drainOnce()));
        } while (again && !isStopped);
      } finally {
        draining = null;
      }
      return outcomes;
    })();
    return draining;
  }

  function schedule(ms: number): void {
    if (!isStarted || isStopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), Math.max(0, Math.min(ms, MAX_SLEEP_MS)));
    timer.unref();
  }

  async function tick(): Promise<void> {
    timer = null;
    try {
      await drain();
    } catch (err) {
      log?.error({ err }, 'the outbox sender failed; trying again later');
    }
    const due = nextDueAt(db);
    schedule(due === null ? MAX_SLEEP_MS : Date.parse(due) - clock().getTime());
  }

  return {
    drain,

    /** Starts sending in the background; what a stopped server left `sending` is sent again first. */
    start(jobLog: JobLog): void {
      if (isStarted) return;
      isStarted = true;
      log = jobLog;
      const released = releaseClaims(db, clock().toISOString());
      if (released > 0) jobLog.info({ released }, 'messages a stopped server was sending will be sent again');
      schedule(0);
    },

    /** A message was written: look now rather than at the next tick. */
    wake(): void {
      schedule(0);
    },

    /** Stops sending; waits a little for the message being sent, then closes the connection. */
    async stop(): Promise<void> {
      isStopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const running = draining;
      if (running) {
        let wait: NodeJS.Timeout | undefined;
        await Promise.race([running.catch(() => []), new Promise((r) => (wait = setTimeout(r, STOP_WAIT_MS)))]);
        clearTimeout(wait);
      }
      transport.close();
    },
  };
}
export type OutboxSender = ReturnType<typeof createOutboxSender>;
