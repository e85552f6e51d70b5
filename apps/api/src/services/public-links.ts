import { randomBytes } from 'node:crypto';
import type { PublicLink, PublicLinkCreate, SummaryResponse, Unit } from '@tillit/domain';
import type { Db } from '../db/database.js';
import { createDbStamp } from '../db/stamp.js';
import {
  findActivePublicLinkByHash,
  findPublicLink,
  insertPublicLink,
  listPublicLinks,
  revokePublicLink,
  setPublicLinkShowAuthors,
  type PublicLinkRow,
} from '../db/public-links.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import { hashToken } from './auth.js';
import type { UnitService } from './units.js';

const ENTITY = 'public_link';

/** The path of a link's page in the web app. */
export const publicLinkPath = (token: string): string => `/p/${token}`;

function toLink(r: PublicLinkRow): PublicLink {
  return { id: r.id, label: r.label, showAuthors: r.showAuthors, createdBy: r.createdBy, createdAt: r.createdAt, revokedAt: r.revokedAt };
}

/** The kinds of unit a public link shows: the whole organisation and its areas, never a single unit. */
const PUBLIC_KINDS: ReadonlySet<Unit['kind']> = new Set(['organisation', 'department', 'area']);
const NOT_PUBLIC = 'Sammanfattningen finns inte via en publik länk: en publik länk visar bara hela organisationen och dess områden.';

/**
 * Read-only links to the politicians' summary for people without an account. A link's token is
 * shown once, when it is created; only its SHA-256 hash is stored, and neither the token nor the
 * hash goes into the audit log. A link opens the summary of the organisation and of its areas
 * that are open today, nothing below them; whether it names the authors of the public notes is
 * the development manager's choice per link, off unless chosen.
 */
export function createPublicLinkService(db: Db, units: UnitService) {
  const dbStamp = createDbStamp(db);
  let knownAt = '';
  const known = new Map<string, PublicLink>();
  const requireLink = (id: number): PublicLinkRow => {
    const found = findPublicLink(db, id);
    if (!found) throw new NotFoundError(`Länken ${id} finns inte (unknown public link).`);
    return found;
  };

  const isServable = (unitId: string): boolean => {
    const unit = units.byId().get(unitId);
    const today = new Date().toISOString().slice(0, 10);
    return unit !== undefined && PUBLIC_KINDS.has(unit.kind) && (unit.validTo === null || unit.validTo >= today);
  };

  return {
    create(actor: Actor & { userId: number }, input: PublicLinkCreate): { link: PublicLink; token: string } {
      const token = randomBytes(32).toString('base64url');
      const link = db.transaction(() => {
        const id = insertPublicLink(
          db,
          { tokenHash: hashToken(token), label: input.label, showAuthors: input.showAuthors, createdBy: actor.userId },
          new Date().toISOString(),
        );
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

    /** Whether anonymous readers of the link see who wrote the public notes. A revoked link is not changed. */
    setShowAuthors(actor: Actor, id: number, showAuthors: boolean): PublicLink {
      return db.transaction(() => {
        const before = toLink(requireLink(id));
        if (before.revokedAt !== null) throw new ConflictError('Länken är återkallad och kan inte ändras.');
        if (before.showAuthors === showAuthors) return before;
        setPublicLinkShowAuthors(db, id, showAuthors);
        const after = toLink(requireLink(id));
        audit(db, actor, 'update', ENTITY, id, before, after);
        return after;
      })();
    },

    /**
     * Refuses (404, as for a link that does not exist) the summary of a unit a public link does
     * not show: a single unit, a closed one, an unknown one. No unit means the organisation.
     */
    requireServable(unitId: string | undefined): void {
      if (unitId !== undefined && !isServable(unitId)) throw new NotFoundError(NOT_PUBLIC);
    },

    /** The summary as a public link shows it: only the areas it opens, and authors only if the link says so. */
    publicView(summary: SummaryResponse, link: Pick<PublicLink, 'showAuthors'>): SummaryResponse {
      return {
        ...summary,
        areas: summary.areas.filter((a) => isServable(a.id)),
        metrics: link.showAuthors
          ? summary.metrics
          : summary.metrics.map((m) => ({ ...m, annotations: m.annotations.map((a) => ({ ...a, author: null })) })),
      };
    },

    /** The link a token opens; an unknown, mistyped or revoked token is not found. */
    /**
     * The open link behind a token. `at` is the request's change stamp (db/stamp.ts): a link
     * read once is remembered until anything is written, so a revoked one stops at once.
     */
    resolve(token: string, at: string = dbStamp()): PublicLink {
      if (at !== knownAt) {
        known.clear();
        knownAt = at;
      }
      // Remembered by the token itself (in this process's memory; the database holds digests),
      // so a link opened again costs no digest.
      const remembered = known.get(token);
      if (remembered) return remembered;
      const found = findActivePublicLinkByHash(db, hashToken(token));
      if (!found) throw new NotFoundError('Länken finns inte eller har återkallats.');
      const link = toLink(found);
      // Bounded: guessed tokens are never remembered, and there are few real links.
      if (known.size < 1000) known.set(token, link);
      return link;
    },
  };
}
export type PublicLinkService = ReturnType<typeof createPublicLinkService>;
