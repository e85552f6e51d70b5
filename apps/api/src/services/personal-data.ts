import { randomBytes } from 'node:crypto';
import { ERASED_USER_NAME, type EraseResult, type PersonalData } from '@tillit/domain';
import type { Db } from '../db/database.js';
import {
  allAuditRows,
  auditAbout,
  auditBy,
  countContentOf,
  deleteContentOf,
  emailOf,
  isUsernameTaken,
  mentionsOf,
  notesBy,
  pseudonymiseRecords,
  recordsBy,
  publicLinksBy,
  questionsBy,
  repliesGivenBy,
  rewriteAuditRow,
  sessionsOf,
  tombstoneUser,
} from '../db/personal-data.js';
import { findRecipient } from '../db/mail-settings.js';
import { messagesTo } from '../db/outbox.js';
import { findUserById, type UserRow } from '../db/users.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { audit, type Actor } from './audit.js';

const norm = (s: string) => s.trim().toLocaleLowerCase('sv');

/** Replaces every string value equal to one of `names` (whole, any case) with `by`, however deep. */
function replaceNames(value: unknown, names: ReadonlySet<string>, by: string): { value: unknown; changed: boolean } {
  if (typeof value === 'string') return names.has(norm(value)) ? { value: by, changed: true } : { value, changed: false };
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const r = replaceNames(v, names, by);
      changed ||= r.changed;
      return r.value;
    });
    return { value: out, changed };
  }
  if (typeof value === 'object' && value !== null) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = replaceNames(v, names, by);
      changed ||= r.changed;
      out[k] = r.value;
    }
    return { value: out, changed };
  }
  return { value, changed: false };
}

/**
 * A person's data (GDPR art. 15) and their erasure (art. 17), for the development manager.
 * Erasure empties the account into a tombstone (see migration 015): the notes and questions the
 * development manager chooses to keep show "Borttagen användare", and the audit log keeps every
 * entry with the person replaced by a pseudonym that is stored nowhere else.
 */
export function createPersonalDataService(db: Db, data: { bump: () => void }) {
  const requireUser = (id: number): UserRow => {
    const user = findUserById(db, id);
    if (!user) throw new NotFoundError(`Användaren ${id} finns inte.`);
    return user;
  };

  const newPseudonym = (): string => {
    for (;;) {
      const candidate = `borttagen-${randomBytes(4).toString('hex')}`;
      if (!isUsernameTaken(db, candidate)) return candidate;
    }
  };

  const mailOf = (id: number): PersonalData['mail'] => {
    const r = findRecipient(db, id);
    return r && { language: r.language, optOuts: r.optOuts, messages: messagesTo(db, id) };
  };

  return {
    exportOf(id: number): PersonalData {
      const user = requireUser(id);
      const email = emailOf(db, id);
      return {
        exportedAt: new Date().toISOString(),
        account: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          ...(email !== null ? { email } : {}),
          role: user.role,
          unitIds: user.unitIds,
          isActive: user.isActive,
          createdAt: user.createdAt,
          updatedAt: user.updatedAt,
        },
        sessions: sessionsOf(db, id),
        notes: notesBy(db, id),
        questions: questionsBy(db, id),
        repliesGiven: repliesGivenBy(db, id),
        publicLinks: publicLinksBy(db, id),
        otherRecords: recordsBy(db, user.username),
        audit: { byThem: auditBy(db, id, user.username), aboutThem: auditAbout(db, id, user.username) },
        mentionedIn: mentionsOf(db, id, [user.displayName, user.username]),
        mail: mailOf(id),
      };
    },

    erase(id: number, keepContent: boolean, actor: Actor): EraseResult {
      if (actor.userId === id) throw new ConflictError('Du kan inte radera ditt eget konto. Be en annan utvecklingschef göra det.');
      const result = db.transaction((): EraseResult => {
        const user = requireUser(id);
        const pseudonym = newPseudonym();
        const email = emailOf(db, id);
        const names = new Set([user.username, user.displayName, ...(email ? [email] : [])].map(norm));
        const counts = countContentOf(db, id);
        const deleted = keepContent ? { noteIds: [], questionIds: [] } : deleteContentOf(db, id);
        const deletedEntities = new Set([
          ...deleted.noteIds.map((n) => `annotation:${n}`),
          ...deleted.questionIds.map((n) => `data_need:${n}`),
        ]);

        let auditEntries = 0;
        for (const row of allAuditRows(db)) {
          const isTheirs = row.userId === id || (row.username !== null && names.has(norm(row.username)));
          const isDeletedContent = deletedEntities.has(`${row.entity}:${row.entityId ?? ''}`);
          const rewrite = (json: string | null): { json: string | null; changed: boolean } => {
            if (json === null) return { json, changed: false };
            if (isDeletedContent) return { json: null, changed: true };
            const r = replaceNames(JSON.parse(json) as unknown, names, pseudonym);
            return r.changed ? { json: JSON.stringify(r.value), changed: true } : { json, changed: false };
          };
          const before = rewrite(row.beforeJson);
          const after = rewrite(row.afterJson);
          if (!isTheirs && !before.changed && !after.changed) continue;
          rewriteAuditRow(db, row.id, { username: isTheirs ? pseudonym : row.username, beforeJson: before.json, afterJson: after.json });
          auditEntries++;
        }

        const otherRecords = pseudonymiseRecords(db, user.username, pseudonym);
        tombstoneUser(db, id, { pseudonym, displayName: ERASED_USER_NAME }, new Date().toISOString());
        const outcome: EraseResult = { pseudonym, keepContent, notes: counts.notes, questions: counts.questions, auditEntries, otherRecords };
        audit(db, actor, 'erase', 'user', id, null, outcome);
        return outcome;
      })();
      data.bump();
      return result;
    },
  };
}
export type PersonalDataService = ReturnType<typeof createPersonalDataService>;
