import { randomUUID } from 'node:crypto';
import type { Language, MailKind } from '@tillit/domain';
import type { AnnotationRecord } from '../db/annotations.js';
import type { DataNeedRow } from '../db/data-needs.js';
import type { Db } from '../db/database.js';
import {
  activeDevelopmentManagers,
  activeRecipients,
  metricNames,
  threadAuthorIds,
  unansweredQuestionsBetween,
  unitName,
  type Recipient,
} from '../db/mail-settings.js';
import { getMeta, setMeta } from '../db/meta.js';
import { insertOutboxMessage } from '../db/outbox.js';
import { annotationReplyMail, dataNeedReplyMail, digestMail, type MailLinks, type RenderedMail } from './mail-messages.js';

/** When the last digest was made (app_meta): the next one covers the questions asked after it. */
export const DIGEST_META_KEY = 'mail_digest_last_at';

export interface NotifierOptions {
  /** PUBLIC_URL: every link in a message starts here. */
  publicUrl: string;
  /** The domain of MAIL_FROM's address, for the Message-ID. */
  messageIdDomain: string;
  /** Called after a message has been written (the sender looks once the transaction is done). */
  onQueued: () => void;
  /** The clock; tests pass their own. */
  now?: () => Date;
}

const years = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);

/**
 * Writes messages to the outbox. Each method is called inside the transaction of the event that
 * causes the message, so the message exists exactly when the event does. A person gets a message
 * only with an address, an active account and that kind of mail left on.
 */
export function createMailNotifier(db: Db, options: NotifierOptions) {
  const clock = options.now ?? (() => new Date());
  const url = (path: string) => `${options.publicUrl}${path}`;
  const linksTo = (path: string): MailLinks => ({ page: url(path), settings: url('/settings') });
  const metricName = (key: string, language: Language) => metricNames(db, key)?.[language] ?? key;
  const wants = (r: Recipient, kind: MailKind): r is Recipient & { email: string } => r.email !== null && !r.optOuts.includes(kind);

  const enqueue = (r: Recipient & { email: string }, kind: MailKind, mail: RenderedMail, now: string): void => {
    insertOutboxMessage(
      db,
      { kind, recipientId: r.id, to: r.email, ...mail, messageId: `<${randomUUID()}@${options.messageIdDomain}>` },
      now,
    );
  };
  // After the caller's transaction: a message rolled back with its event is simply not found.
  const queued = (count: number): number => {
    if (count > 0) setImmediate(options.onQueued);
    return count;
  };

  return {
    /**
     * A question's reply or status changed: its author hears of it (not when they answered
     * themselves, and not when nothing they would see changed).
     */
    dataNeedAnswered(before: DataNeedRow, after: DataNeedRow, replier: { id: number; displayName: string }): number {
      const isStatusChanged = before.status !== after.status;
      const isReplyChanged = after.reply !== null && before.reply !== after.reply;
      if (!isStatusChanged && !isReplyChanged) return 0;
      if (after.authorId === replier.id) return 0;
      const [asker] = activeRecipients(db, [after.authorId]);
      if (!asker || !wants(asker, 'data_need_reply')) return 0;
      const unit = after.unitId === null ? null : (unitName(db, after.unitId) ?? after.unitId);
      const mail = dataNeedReplyMail(
        asker.language,
        {
          recipientName: asker.displayName,
          replierName: replier.displayName,
          metricName: metricName(after.metricKey, asker.language),
          unitName: unit,
          status: after.status,
          reply: after.reply,
          isStatusChanged,
          isReplyChanged,
          question: after.text,
          askedAt: after.createdAt,
        },
        linksTo(`/data-needs/mine#data-need-${after.id}`),
      );
      enqueue(asker, 'data_need_reply', mail, clock().toISOString());
      return queued(1);
    },

    /** A reply in a thread on a note: everyone else who has written in the thread hears of it. */
    annotationReplied(root: AnnotationRecord, replier: { id: number; displayName: string }): number {
      const others = threadAuthorIds(db, root.id).filter((id) => id !== replier.id);
      const unit = unitName(db, root.unitId) ?? root.unitId;
      const path = `/metrics/${encodeURIComponent(root.metricKey)}?unit=${encodeURIComponent(root.unitId)}#annotation-${root.id}-title`;
      const now = clock().toISOString();
      let count = 0;
      for (const r of activeRecipients(db, others)) {
        if (!wants(r, 'annotation_reply')) continue;
        const mail = annotationReplyMail(
          r.language,
          {
            recipientName: r.displayName,
            replierName: replier.displayName,
            metricName: metricName(root.metricKey, r.language),
            unitName: unit,
            years: years(root.yearFrom, root.yearTo),
            isOwnNote: root.authorId === r.id,
          },
          linksTo(path),
        );
        enqueue(r, 'annotation_reply', mail, now);
        count++;
      }
      return queued(count);
    },

    /**
     * The daily digest: the questions asked since the last digest that still wait for a reply, to
     * each development manager (without their own). The digest's time is kept in the same
     * transaction as its messages, so a digest is made once, and nothing falls between two.
     */
    digest(now: Date): number {
      return db.transaction((): number => {
        const until = now.toISOString();
        const after = getMeta(db, DIGEST_META_KEY) ?? new Date(now.getTime() - 86_400_000).toISOString();
        const questions = after < until ? unansweredQuestionsBetween(db, after, until) : [];
        let count = 0;
        for (const r of activeDevelopmentManagers(db)) {
          const theirs = questions.filter((q) => q.authorId !== r.id);
          if (theirs.length === 0 || !wants(r, 'data_need_digest')) continue;
          const mail = digestMail(
            r.language,
            {
              recipientName: r.displayName,
              questions: theirs.map((q) => ({
                metricName: metricName(q.metricKey, r.language),
                unitName: q.unitId === null ? null : (unitName(db, q.unitId) ?? q.unitId),
                authorName: q.authorName,
                text: q.text,
                askedAt: q.createdAt,
              })),
            },
            linksTo('/data-needs?status=received'),
          );
          enqueue(r, 'data_need_digest', mail, until);
          count++;
        }
        if (after < until) setMeta(db, DIGEST_META_KEY, until);
        return queued(count);
      })();
    },
  };
}
export type MailNotifier = ReturnType<typeof createMailNotifier>;
