import { randomBytes } from 'node:crypto';
import type { PublicLink } from '@tillit/domain';
import type { Db } from '../db/database.js';
import {
  findActivePublicLinkByHash,
  findPublicLink,
  insertPublicLink,
  listPublicLinks,
  revokePublicLink,
  type PublicLinkRow,
} from '../db/public-links.js';
import { NotFoundError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import { hashToken } from './auth.js';

const ENTITY = 'public_link';

/** The path of a link's page in the web app. */
export const publicLinkPath = (token: string): string => `/p/${token}`;

function toLink(r: PublicLinkRow): PublicLink {
  return { id: r.id, label: r.label, createdBy: r.createdBy, createdAt: r.createdAt, revokedAt: r.revokedAt };
}

/**
 * Read-only links to the politicians' summary for people without an account. A link's token is
 * shown once, when it is created; only its SHA-256 hash is stored, and neither the token nor the
 * hash goes into the audit log.
 */
export function createPublicLinkService(db: Db) {
  const requireLink = (id: number): PublicLinkRow => {
    const found = findPublicLink(db, id);
    if (!found) throw new NotFoundError(`Länken ${id} finns inte (unknown public link).`);
    return found;
  };

  return {
    create(actor: Actor & { userId: number }, label: string): { link: PublicLink; token: string } {
      const token = randomBytes(32).toString('base64url');
      const link = db.transaction(() => {
        const id = insertPublicLink(db, { tokenHash: hashToken(token), label, createdBy: actor.userId }, new Date().toISOString());
        const created = toLink(requireLink(id));
        audit(db, actor, 'create', ENTITY, id, null, created);
        return created;
      })();
      return { link, token };
    },

    list: (): PublicLink[] => listPublicLinks(db).map(toLink),

    /** Stops a link from working. Revoking a revoked link changes nothing. */
    revoke(actor: Actor, id: number): PublicLink {
      return db.transaction(() => {
        const before = toLink(requireLink(id));
        if (before.revokedAt !== null) return before;
        revokePublicLink(db, id, new Date().toISOString());
        const after = toLink(requireLink(id));
        audit(db, actor, 'revoke', ENTITY, id, before, after);
        return after;
      })();
    },

    /** The link a token opens; an unknown, mistyped or revoked token is not found. */
    resolve(token: string): PublicLink {
      const found = findActivePublicLinkByHash(db, hashToken(token));
      if (!found) throw new NotFoundError('Länken finns inte eller har återkallats.');
      return toLink(found);
    },
  };
}
export type PublicLinkService = ReturnType<typeof createPublicLinkService>;
