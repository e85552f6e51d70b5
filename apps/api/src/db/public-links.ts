import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

/** A read-only link to the summary. The token itself is never stored, only its SHA-256 hash. */
export interface PublicLinkRow {
  id: number;
  label: string;
  showAuthors: boolean;
  createdById: number;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

const SELECT = `SELECT l.id, l.label, l.show_authors AS showAuthors, l.created_by AS createdById, u.display_name AS createdBy,
                       l.created_at AS createdAt, l.revoked_at AS revokedAt
                FROM public_links l JOIN users u ON u.id = l.created_by`;

type StoredRow = Omit<PublicLinkRow, 'showAuthors'> & { showAuthors: number };
const toRow = (r: StoredRow): PublicLinkRow => ({ ...r, showAuthors: r.showAuthors === 1 });

/** Call inside a transaction. */
export function insertPublicLink(
  db: Db,
  link: { tokenHash: string; label: string; showAuthors: boolean; createdBy: number },
  now: string,
): number {
  return Number(
    db
      .prepare('INSERT INTO public_links (token_hash, label, show_authors, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(link.tokenHash, link.label, link.showAuthors ? 1 : 0, link.createdBy, now).lastInsertRowid,
  );
}

/** Call inside a transaction. */
export function setPublicLinkShowAuthors(db: Db, id: number, showAuthors: boolean): void {
  db.prepare('UPDATE public_links SET show_authors = ? WHERE id = ?').run(showAuthors ? 1 : 0, id);
}

/** Newest first, revoked ones included (they are part of the record). */
export function listPublicLinks(db: Db): PublicLinkRow[] {
  return (db.prepare<[], StoredRow>(`${SELECT} ORDER BY l.created_at DESC, l.id DESC`).all()).map(toRow);
}

export function findPublicLink(db: Db, id: number): PublicLinkRow | undefined {
  const row = db.prepare<[number], StoredRow>(`${SELECT} WHERE l.id = ?`).get(id);
  return row && toRow(row);
}

/** The link a token opens, if it is known and not revoked. */
// Asked on every read of a public link (a link shared in the local news is read often): the
// statement is prepared once per database, not per request.
const byHash = new WeakMap<Db, Statement<[string], StoredRow>>();

export function findActivePublicLinkByHash(db: Db, tokenHash: string): PublicLinkRow | undefined {
  let statement = byHash.get(db);
  if (!statement) byHash.set(db, (statement = db.prepare<[string], StoredRow>(`${SELECT} WHERE l.token_hash = ? AND l.revoked_at IS NULL`)));
  const row = statement.get(tokenHash);
  return row && toRow(row);
}

/** Call inside a transaction. */
export function revokePublicLink(db: Db, id: number, now: string): void {
  db.prepare('UPDATE public_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
}
