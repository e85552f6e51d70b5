import type { DataNeedStatus, Language, MailKind, Role } from '@tillit/domain';
import type { Db } from './database.js';

// Who gets which message: each person's language and opt-outs (migration 016), and what the
// messages name (metrics, units, questions).

export interface Recipient {
  id: number;
  displayName: string;
  role: Role;
  email: string | null;
  language: Language;
  optOuts: MailKind[];
  /** The address comes from the identity provider at every sign-in. */
  isProviderAccount: boolean;
}

interface RawRecipient {
  id: number;
  display_name: string;
  role: Role;
  email: string | null;
  language: Language | null;
  opt_outs: string | null;
  is_provider: number;
}

const RECIPIENT = `SELECT u.id, u.display_name, u.role, u.email, u.language, u.oidc_subject IS NOT NULL AS is_provider,
    (SELECT json_group_array(kind) FROM mail_opt_outs o WHERE o.user_id = u.id) AS opt_outs
  FROM users u WHERE u.erased_at IS NULL`;

const toRecipient = (r: RawRecipient): Recipient => ({
  id: r.id,
  displayName: r.display_name,
  role: r.role,
  email: r.email,
  language: r.language ?? 'sv',
  optOuts: r.opt_outs === null ? [] : (JSON.parse(r.opt_outs) as MailKind[]),
  isProviderAccount: r.is_provider === 1,
});

/** Active accounts among `ids` (erased and deactivated ones are nobody to write to). */
export function activeRecipients(db: Db, ids: readonly number[]): Recipient[] {
  if (ids.length === 0) return [];
  return (
    db.prepare<[string], RawRecipient>(`${RECIPIENT} AND u.is_active = 1 AND u.id IN (SELECT value FROM json_each(?)) ORDER BY u.id`).all(JSON.stringify(ids))
  ).map(toRecipient);
}

export function activeDevelopmentManagers(db: Db): Recipient[] {
  return (db.prepare<[], RawRecipient>(`${RECIPIENT} AND u.is_active = 1 AND u.role = 'development_manager' ORDER BY u.id`).all()).map(toRecipient);
}

/** One account's settings (active or not); undefined for an unknown or erased one. */
export function findRecipient(db: Db, id: number): Recipient | undefined {
  const r = db.prepare<[number], RawRecipient>(`${RECIPIENT} AND u.id = ?`).get(id);
  return r && toRecipient(r);
}

/** Call inside a transaction. */
export function setLanguage(db: Db, userId: number, language: Language): void {
  db.prepare('UPDATE users SET language = ? WHERE id = ?').run(language, userId);
}

/** Call inside a transaction. */
export function setOptOut(db: Db, userId: number, kind: MailKind, isOptedOut: boolean): void {
  if (isOptedOut) db.prepare('INSERT OR IGNORE INTO mail_opt_outs (user_id, kind) VALUES (?, ?)').run(userId, kind);
  else db.prepare('DELETE FROM mail_opt_outs WHERE user_id = ? AND kind = ?').run(userId, kind);
}

/** A metric's names in both languages; undefined for an unknown key. */
export function metricNames(db: Db, key: string): { sv: string; en: string } | undefined {
  return db.prepare<[string], { sv: string; en: string }>('SELECT name_sv AS sv, name_en AS en FROM metrics WHERE key = ?').get(key);
}

export function unitName(db: Db, id: string): string | undefined {
  return db.prepare<[string], string>('SELECT name FROM units WHERE id = ?').pluck().get(id);
}

/** Everyone who has written in a thread: the first note's author and each reply's. */
export function threadAuthorIds(db: Db, rootId: number): number[] {
  return db
    .prepare<[number, number], number>('SELECT DISTINCT author_id FROM annotations WHERE id = ? OR parent_id = ? ORDER BY author_id')
    .pluck()
    .all(rootId, rootId);
}

export interface NewQuestion {
  id: number;
  metricKey: string;
  unitId: string | null;
  text: string;
  authorId: number;
  authorName: string;
  status: DataNeedStatus;
  createdAt: string;
}

/** Questions asked in (after, until] that nobody has replied to yet, oldest first. */
export function unansweredQuestionsBetween(db: Db, after: string, until: string): NewQuestion[] {
  return db
    .prepare<[string, string], NewQuestion>(
      `SELECT d.id, d.metric_key AS metricKey, d.unit_id AS unitId, d.text, d.author_id AS authorId, a.display_name AS authorName,
              d.status, d.created_at AS createdAt
       FROM data_needs d JOIN users a ON a.id = d.author_id
       WHERE d.created_at > ? AND d.created_at <= ? AND d.replied_at IS NULL
       ORDER BY d.created_at, d.id`,
    )
    .all(after, until);
}
