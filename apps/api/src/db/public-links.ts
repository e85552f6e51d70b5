import type { Db } from './database.js';

/** A read-only link to the summary. The token itself is never stored, only its SHA-256 hash. */
export interface PublicLinkRow {
  id: number;
  label: string;
  createdById: number;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

const SELECT = `SELECT l.id, l.label, l.created_by AS createdById, u.display_name AS createdBy,
                       l.created_at AS createdAt, l.revoked_at AS revokedAt
                FROM public_links l JOIN users u ON u.id = l.created_by`;

/** Call inside a transaction. */
export function insertPublicLink(db: Db, link: { tokenHash: string; label: string; createdBy: number }, now: string): number {
  return Number(
    db
      .prepare('INSERT INTO public_links (token_hash, label, created_by, created_at) VALUES (?, ?, ?, ?)')
      .run(link.tokenHash, link.label, link.createdBy, now).lastInsertRowid,
  );
}

/** Newest first, revoked ones included (they are part of the record). */
export function listPublicLinks(db: Db): PublicLinkRow[] {
  return db.prepare(`${SELECT} ORDER BY l.created_at DESC, l.id DESC`).all() as PublicLinkRow[];
}

export function findPublicLink(db: Db, id: number): PublicLinkRow | undefined {
  return db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as PublicLinkRow | undefined;
}

/** The link a token opens, if it is known and not revoked. */
export function findActivePublicLinkByHash(db: Db, tokenHash: string): PublicLinkRow | undefined {
  return db.prepare(`${SELECT} WHERE l.token_hash = ? AND l.revoked_at IS NULL`).get(tokenHash) as PublicLinkRow | undefined;
}

/** Call inside a transaction. */
export function revokePublicLink(db: Db, id: number, now: string): void {
  db.prepare('UPDATE public_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
}
