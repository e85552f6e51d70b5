import type { AuditEntry, PersonalData } from '@tillit/domain';
import type { Db } from './database.js';

// SQL for a person's data: what is stored about them (GDPR art. 15) and erasing them (art. 17).

/** Whether `users` has an `email` column (added by the OIDC sign-in, migration 014). */
function hasEmailColumn(db: Db): boolean {
  return (db.prepare<[], number>("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'email'").pluck().get()!) > 0;
}

export function emailOf(db: Db, userId: number): string | null {
  if (!hasEmailColumn(db)) return null;
  return (db.prepare<[number], string | null>('SELECT email FROM users WHERE id = ?').pluck().get(userId)) ?? null;
}

export function sessionsOf(db: Db, userId: number): PersonalData['sessions'] {
  return db
    .prepare<[number], PersonalData['sessions'][number]>('SELECT created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE user_id = ? ORDER BY created_at')
    .all(userId);
}

export function notesBy(db: Db, userId: number): PersonalData['notes'] {
  return db
    .prepare<[number], PersonalData['notes'][number]>(
      `SELECT id, parent_id AS parentId, unit_id AS unitId, metric_key AS metricKey, year_from AS yearFrom, year_to AS yearTo,
              visibility, text, created_at AS createdAt, updated_at AS updatedAt
       FROM annotations WHERE author_id = ? ORDER BY created_at, id`,
    )
    .all(userId);
}

export function questionsBy(db: Db, userId: number): PersonalData['questions'] {
  return db
    .prepare<[number], PersonalData['questions'][number]>(
      `SELECT id, metric_key AS metricKey, unit_id AS unitId, text, status, reply, replied_at AS repliedAt, created_at AS createdAt
       FROM data_needs WHERE author_id = ? ORDER BY created_at, id`,
    )
    .all(userId);
}

export function repliesGivenBy(db: Db, userId: number): PersonalData['repliesGiven'] {
  return db
    .prepare<[number], PersonalData['repliesGiven'][number]>('SELECT id AS questionId, reply, replied_at AS repliedAt FROM data_needs WHERE replied_by = ? ORDER BY replied_at, id')
    .all(userId);
}

export function publicLinksBy(db: Db, userId: number): PersonalData['publicLinks'] {
  return db
    .prepare<[number], PersonalData['publicLinks'][number]>('SELECT id, label, created_at AS createdAt, revoked_at AS revokedAt FROM public_links WHERE created_by = ? ORDER BY id')
    .all(userId);
}

interface RawAudit {
  id: number;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
}

const parse = (json: string | null): unknown => (json === null ? null : (JSON.parse(json) as unknown));
const toEntry = (r: RawAudit): AuditEntry => ({
  id: r.id,
  at: r.at,
  username: r.username,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: parse(r.before_json),
  after: parse(r.after_json),
  requestId: r.request_id,
});

/** Entries written by the person (by id, or by username for entries written before an id was kept). */
export function auditBy(db: Db, userId: number, username: string): AuditEntry[] {
  return (db.prepare<[number, string], RawAudit>('SELECT * FROM audit_log WHERE user_id = ? OR username = ? COLLATE NOCASE ORDER BY id').all(userId, username)).map(toEntry);
}

/** Entries by others about the person's account, notes and questions. */
export function auditAbout(db: Db, userId: number, username: string): AuditEntry[] {
  return (
    db
      .prepare<[number, string, string, number, number], RawAudit>(
        `SELECT * FROM audit_log
         WHERE (user_id IS NULL OR user_id <> ?) AND (username IS NULL OR username <> ? COLLATE NOCASE)
           AND ((entity = 'user' AND entity_id = ?)
             OR (entity = 'annotation' AND entity_id IN (SELECT CAST(id AS TEXT) FROM annotations WHERE author_id = ?))
             OR (entity = 'data_need' AND entity_id IN (SELECT CAST(id AS TEXT) FROM data_needs WHERE author_id = ?)))
         ORDER BY id`,
      )
      .all(userId, username, String(userId), userId, userId)
  ).map(toEntry);
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Others' notes and questions whose text contains any of `terms` (case-insensitive for a–z). */
export function mentionsOf(db: Db, userId: number, terms: readonly string[]): PersonalData['mentionedIn'] {
  const found: PersonalData['mentionedIn'] = [];
  const seen = new Set<string>();
  for (const term of terms.filter((t) => t.trim().length >= 2)) {
    const like = likePattern(term.trim());
    const notes = db
      .prepare<[number, string], PersonalData['mentionedIn'][number]>("SELECT 'note' AS kind, id, text, created_at AS createdAt FROM annotations WHERE author_id <> ? AND text LIKE ? ESCAPE '\\'")
      .all(userId, like);
    const questions = db
      .prepare<[number, string], PersonalData['mentionedIn'][number]>("SELECT 'question' AS kind, id, text, created_at AS createdAt FROM data_needs WHERE author_id <> ? AND text LIKE ? ESCAPE '\\'")
      .all(userId, like);
    for (const m of [...notes, ...questions]) {
      const key = `${m.kind}:${m.id}`;
      if (!seen.has(key)) found.push(m);
      seen.add(key);
    }
  }
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Records that keep who made them by username (not by account id): imports, reorganisations,
 * Kolada imports and definition changes. A table added later with such a column belongs here.
 */
const USERNAME_COLUMNS = [
  { kind: 'import', table: 'import_batches', column: 'created_by', id: 'CAST(id AS TEXT)', at: 'created_at' },
  { kind: 'reorganisation', table: 'reorganisations', column: 'created_by', id: 'CAST(id AS TEXT)', at: 'created_at' },
  { kind: 'kolada_import', table: 'kolada_imports', column: 'created_by', id: 'CAST(id AS TEXT)', at: 'created_at' },
  { kind: 'definition_change', table: 'metric_definition_versions', column: 'changed_by', id: "metric_key || ' v' || version", at: 'changed_at' },
] as const;

/** What the person did that is recorded under their username outside the audit log. */
export function recordsBy(db: Db, username: string): PersonalData['otherRecords'] {
  return USERNAME_COLUMNS.flatMap(
    (c) =>
      db
        .prepare<[string], PersonalData['otherRecords'][number]>(`SELECT '${c.kind}' AS kind, ${c.id} AS id, ${c.at} AS at FROM ${c.table} WHERE ${c.column} = ? COLLATE NOCASE ORDER BY ${c.at}`)
        .all(username),
  );
}

/** Puts the pseudonym where those records name the person; returns how many. Call inside a transaction. */
export function pseudonymiseRecords(db: Db, username: string, pseudonym: string): number {
  let changed = 0;
  for (const c of USERNAME_COLUMNS) {
    changed += db.prepare(`UPDATE ${c.table} SET ${c.column} = ? WHERE ${c.column} = ? COLLATE NOCASE`).run(pseudonym, username).changes;
  }
  return changed;
}

export function isUsernameTaken(db: Db, username: string): boolean {
  return db.prepare('SELECT 1 FROM users WHERE username = ?').get(username) !== undefined;
}

/** Deletes the person's notes and replies (a first note's replies go with it) and questions; returns their ids. */
export function deleteContentOf(db: Db, userId: number): { noteIds: number[]; questionIds: number[] } {
  const noteIds = db.prepare<[number], number>('SELECT id FROM annotations WHERE author_id = ?').pluck().all(userId);
  const questionIds = db.prepare<[number], number>('SELECT id FROM data_needs WHERE author_id = ?').pluck().all(userId);
  db.prepare('DELETE FROM annotations WHERE author_id = ? AND parent_id IS NOT NULL').run(userId);
  db.prepare('DELETE FROM annotations WHERE author_id = ?').run(userId);
  db.prepare('DELETE FROM data_needs WHERE author_id = ?').run(userId);
  return { noteIds, questionIds };
}

export function countContentOf(db: Db, userId: number): { notes: number; questions: number } {
  return {
    notes: db.prepare<[number], number>('SELECT count(*) FROM annotations WHERE author_id = ?').pluck().get(userId)!,
    questions: db.prepare<[number], number>('SELECT count(*) FROM data_needs WHERE author_id = ?').pluck().get(userId)!,
  };
}

/** Every audit row, for rewriting: id, who, and the before/after JSON. */
export function allAuditRows(db: Db): { id: number; userId: number | null; username: string | null; entity: string; entityId: string | null; beforeJson: string | null; afterJson: string | null }[] {
  return db
    .prepare<[], ReturnType<typeof allAuditRows>[number]>('SELECT id, user_id AS userId, username, entity, entity_id AS entityId, before_json AS beforeJson, after_json AS afterJson FROM audit_log ORDER BY id')
    .all();
}

export function rewriteAuditRow(db: Db, id: number, fields: { username: string | null; beforeJson: string | null; afterJson: string | null }): void {
  db.prepare('UPDATE audit_log SET username = ?, before_json = ?, after_json = ? WHERE id = ?').run(fields.username, fields.beforeJson, fields.afterJson, id);
}

/**
 * Empties the account: name, username (now the pseudonym), password, units, sessions and e-mail
 * are gone, and it can never sign in. The row stays as a tombstone for the ids that point at it.
 */
export function tombstoneUser(db: Db, userId: number, fields: { pseudonym: string; displayName: string }, now: string): void {
  db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  db.prepare('DELETE FROM user_units WHERE user_id = ?').run(userId);
  db.prepare(
    `UPDATE users SET username = ?, display_name = ?, password_hash = '!', is_active = 0,
       erased_at = ?, created_at = ?, updated_at = ? WHERE id = ?`,
  ).run(fields.pseudonym, fields.displayName, now, now, now, userId);
  if (hasEmailColumn(db)) db.prepare('UPDATE users SET email = NULL WHERE id = ?').run(userId);
  // The identity at the organisation's provider goes too: a new sign-in makes a new account.
  db.prepare('UPDATE users SET oidc_issuer = NULL, oidc_subject = NULL WHERE id = ?').run(userId);
}
