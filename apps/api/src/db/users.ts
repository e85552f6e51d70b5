import type { Role } from '@tillit/domain';
import type { Db } from './database.js';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  isActive: boolean;
  unitIds: string[];
  email: string | null;
  /** Set for an account the identity provider made: who the provider says the person is. */
  oidc: { issuer: string; subject: string } | null;
  createdAt: string;
  updatedAt: string;
}

interface RawUser {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  is_active: number;
  email: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: string;
  updated_at: string;
}

function unitIdsOf(db: Db, userId: number): string[] {
  return db.prepare<[number], string>('SELECT unit_id FROM user_units WHERE user_id = ? ORDER BY unit_id').pluck().all(userId);
}

function toUser(db: Db, r: RawUser): UserRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    passwordHash: r.password_hash,
    isActive: r.is_active === 1,
    unitIds: unitIdsOf(db, r.id),
    email: r.email,
    oidc: r.oidc_issuer !== null && r.oidc_subject !== null ? { issuer: r.oidc_issuer, subject: r.oidc_subject } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  const r = db.prepare<[string], RawUser>('SELECT * FROM users WHERE username = ?').get(username);
  return r && toUser(db, r);
}

// An erased person's account is an empty tombstone (migration 015): it is no account to find or list.
export function findUserById(db: Db, id: number): UserRow | undefined {
  const r = db.prepare<[number], RawUser>('SELECT * FROM users WHERE id = ? AND erased_at IS NULL').get(id);
  return r && toUser(db, r);
}

export function findUserByOidcIdentity(db: Db, issuer: string, subject: string): UserRow | undefined {
  const r = db.prepare<[string, string], RawUser>('SELECT * FROM users WHERE oidc_issuer = ? AND oidc_subject = ?').get(issuer, subject);
  return r && toUser(db, r);
}

export function isUsernameTaken(db: Db, username: string): boolean {
  return db.prepare('SELECT 1 FROM users WHERE username = ?').get(username) !== undefined;
}

export function listUsers(db: Db): UserRow[] {
  return (db.prepare<[], RawUser>('SELECT * FROM users WHERE erased_at IS NULL ORDER BY username').all()).map((r) => toUser(db, r));
}

export function countUsers(db: Db): number {
  return db.prepare<[], number>('SELECT count(*) FROM users').pluck().get()!;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  unitIds: readonly string[];
  email?: string | null;
  oidc?: { issuer: string; subject: string } | null;
}

/** Call inside a transaction. */
export function insertUser(db: Db, u: NewUser, now: string): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO users (username, display_name, role, password_hash, is_active, email, oidc_issuer, oidc_subject, created_at, updated_at)
         VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
      )
      .run(u.username, u.displayName, u.role, u.passwordHash, u.email ?? null, u.oidc?.issuer ?? null, u.oidc?.subject ?? null, now, now)
      .lastInsertRowid,
  );
  setUserUnits(db, id, u.unitIds);
  return id;
}

export function setUserUnits(db: Db, userId: number, unitIds: readonly string[]): void {
  db.prepare('DELETE FROM user_units WHERE user_id = ?').run(userId);
  const stmt = db.prepare('INSERT INTO user_units (user_id, unit_id) VALUES (?, ?)');
  for (const unitId of new Set(unitIds)) stmt.run(userId, unitId);
}

export function updateUser(
  db: Db,
  id: number,
  fields: Partial<{ displayName: string; role: Role; passwordHash: string; isActive: boolean; email: string | null }>,
  now: string,
): void {
  const sets: string[] = [];
  const args: (string | number | null)[] = [];
  const set = (column: string, value: string | number | null) => {
    sets.push(`${column} = ?`);
    args.push(value);
  };
  if (fields.displayName !== undefined) set('display_name', fields.displayName);
  if (fields.role !== undefined) set('role', fields.role);
  if (fields.passwordHash !== undefined) set('password_hash', fields.passwordHash);
  if (fields.isActive !== undefined) set('is_active', fields.isActive ? 1 : 0);
  if (fields.email !== undefined) set('email', fields.email);
  set('updated_at', now);
  db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
}

export interface SessionRow {
  userId: number;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export function insertSession(db: Db, tokenHash: string, userId: number, now: string, expiresAt: string, oidcIdToken: string | null = null): void {
  db.prepare(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, oidc_id_token) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(tokenHash, userId, now, expiresAt, now, oidcIdToken);
}

/** The ID token of a session begun through the identity provider; null for a password sign-in. */
export function findSessionIdToken(db: Db, tokenHash: string): string | null {
  return (db.prepare<[string], string | null>('SELECT oidc_id_token FROM sessions WHERE token_hash = ?').pluck().get(tokenHash)) ?? null;
}

export function findSession(db: Db, tokenHash: string): SessionRow | undefined {
  return db
    .prepare<[string], SessionRow>(
      `SELECT user_id AS userId, created_at AS createdAt, expires_at AS expiresAt, last_seen_at AS lastSeenAt
       FROM sessions WHERE token_hash = ?`,
    )
    .get(tokenHash);
}

export function touchSession(db: Db, tokenHash: string, now: string, expiresAt: string): void {
  db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(now, expiresAt, tokenHash);
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

export function deleteSessionsOfUser(db: Db, userId: number): void {
  db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
}

export function deleteExpiredSessions(db: Db, now: string): number {
  return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
}
