import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@tillit/domain';
import type { Db } from '../db/database.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  findUserById,
  findUserByUsername,
  insertSession,
  touchSession,
  type SessionRow,
} from '../db/users.js';
import { createDbStamp } from '../db/stamp.js';
import { TooManyRequestsError, UnauthorizedError } from '../errors.js';
import { verifyPassword } from './passwords.js';

/** The signed-in person, as every route sees them. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitIds: string[];
}

export interface AuthOptions {
  /** A session ends this long after sign-in, however active. */
  sessionHours: number;
  /** A session ends after this long without a request. */
  idleMinutes: number;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const WRONG_LOGIN = 'Fel användarnamn eller lösenord. Kontrollera stavningen och försök igen.';

/**
 * Refuses sign-ins after too many failures in a row: per username and address (so that nobody
 * can lock another person out from elsewhere), and per address over all usernames.
 */
export class LoginThrottle {
  static readonly MAX_FAILURES_PER_ACCOUNT = 10;
  static readonly MAX_FAILURES_PER_ADDRESS = 50;
  static readonly LOCK_MS = 5 * 60_000;
  static readonly WINDOW_MS = 15 * 60_000;
  private readonly accounts = new Map<string, { failures: number; lockedUntil: number }>();
  private readonly addresses = new Map<string, { failures: number; windowStart: number }>();

  check(username: string, ip: string, now = Date.now()): void {
    const account = this.accounts.get(this.key(username, ip));
    const address = this.addresses.get(ip);
    const accountWait = account && account.lockedUntil > now ? account.lockedUntil - now : 0;
    const addressWait =
      address && address.failures >= LoginThrottle.MAX_FAILURES_PER_ADDRESS && now - address.windowStart < LoginThrottle.WINDOW_MS
        ? address.windowStart + LoginThrottle.WINDOW_MS - now
        : 0;
    const wait = Math.max(accountWait, addressWait);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw new TooManyRequestsError(
        `För många misslyckade inloggningar. Vänta ${minutes} ${minutes === 1 ? 'minut' : 'minuter'} och försök igen.`,
        Math.ceil(wait / 1000),
      );
    }
  }

  failure(username: string, ip: string, now = Date.now()): void {
    const key = this.key(username, ip);
    const account = this.accounts.get(key) ?? { failures: 0, lockedUntil: 0 };
    account.failures++;
    if (account.failures >= LoginThrottle.MAX_FAILURES_PER_ACCOUNT) {
      account.lockedUntil = now + LoginThrottle.LOCK_MS;
      account.failures = 0;
    }
    this.accounts.set(key, account);
    const address = this.addresses.get(ip);
    if (!address || now - address.windowStart >= LoginThrottle.WINDOW_MS) this.addresses.set(ip, { failures: 1, windowStart: now });
    else address.failures++;
  }

  success(username: string, ip: string): void {
    this.accounts.delete(this.key(username, ip));
  }

  private key(username: string, ip: string): string {
    return `${username.toLowerCase()}\u0000${ip}`;
  }
}

export function createAuthService(db: Db, options: AuthOptions) {
  const throttle = new LoginThrottle();
  // Sessions as last read, by token hash, valid while the database is unchanged (`db/stamp.ts`):
  // any write — a sign-out, a role change, a deactivation, here or from a CLI — empties it, so
  // the next request reads the database again. Expiry is still checked on every request.
  const dbStamp = createDbStamp(db);
  let sessionsAt = '';
  const sessions = new Map<string, { session: SessionRow; user: SessionUser }>();
  const lookup = (tokenHash: string, at: string): { session: SessionRow; user: SessionUser | null } | null => {
    if (at !== sessionsAt) {
      sessions.clear();
      sessionsAt = at;
    }
    const known = sessions.get(tokenHash);
    if (known) return known;
    const session = findSession(db, tokenHash);
    if (!session) return null;
    const row = findUserById(db, session.userId);
    const user = row?.isActive ? toSessionUser(row) : null;
    // Shared by the requests of this session until the next write: nobody may change it.
    if (user) Object.freeze(Object.freeze(user).unitIds);
    // Bounded: a flood of different tokens cannot grow it without end.
    if (user && sessions.size < 10_000) sessions.set(tokenHash, { session, user });
    return { session, user };
  };
  const expiry = (createdAt: Date, now: Date): string =>
    new Date(
      Math.min(createdAt.getTime() + options.sessionHours * 3_600_000, now.getTime() + options.idleMinutes * 60_000),
    ).toISOString();

  return {
    async login(username: string, password: string, ip: string): Promise<{ token: string; user: SessionUser; expiresAt: string }> {
      throttle.check(username, ip);
      const user = findUserByUsername(db, username);
      const ok = await verifyPassword(user?.isActive ? user.passwordHash : null, password);
      if (!user || !ok) {
        throttle.failure(username, ip);
        throw new UnauthorizedError(WRONG_LOGIN);
      }
      throttle.success(username, ip);
      const token = randomBytes(32).toString('base64url');
      const now = new Date();
      const expiresAt = expiry(now, now);
      db.transaction(() => {
        deleteExpiredSessions(db, now.toISOString());
        insertSession(db, hashToken(token), user.id, now.toISOString(), expiresAt);
      })();
      return { token, user: toSessionUser(user), expiresAt };
    },

    logout(token: string): void {
      deleteSession(db, hashToken(token));
    },

    /** The database's change stamp now (see db/stamp.ts): read once per request by the access check. */
    stamp: dbStamp,

    /**
     * The person behind a session token, or null when it is unknown, expired or deactivated.
     * `at` is the change stamp read for this request, when the caller already has it.
     */
    authenticate(token: string, at: string = dbStamp()): SessionUser | null {
      const tokenHash = hashToken(token);
      const found = lookup(tokenHash, at);
      if (!found) return null;
      const { session, user } = found;
      const now = new Date();
      if (session.expiresAt <= now.toISOString()) {
        deleteSession(db, tokenHash);
        return null;
      }
      if (!user) return null;
      // Extending the idle deadline is a write: once a minute is enough.
      if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) {
        touchSession(db, tokenHash, now.toISOString(), expiry(new Date(session.createdAt), now));
      }
      return user;
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

function toSessionUser(u: { id: number; username: string; displayName: string; role: Role; unitIds: string[] }): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitIds: u.unitIds };
}
