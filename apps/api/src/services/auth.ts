import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@tillit/domain';
import type { Db } from '../db/database.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  findSessionIdToken,
  findUserById,
  findUserByUsername,
  insertSession,
  touchSession,
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

/** An admitted sign-in attempt, already counted: `succeeded` takes it back when the password was right. */
export interface LoginAttempt {
  readonly accountKey: string;
  readonly ip: string;
}

const waitMessage = (waitMs: number): string => {
  if (waitMs < 120_000) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return `För många misslyckade inloggningar. Vänta ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'} och försök igen.`;
  }
  const minutes = Math.ceil(waitMs / 60_000);
  return `För många misslyckade inloggningar. Vänta ${minutes} minuter och försök igen.`;
};

/**
 * Limits password guessing without a race: an attempt is counted when it is let in, before its
 * password is checked, so a burst of simultaneous requests meets the same limits as one request
 * at a time (a right password takes its count back afterwards).
 *
 * - Per username and address: ten attempts lock the pair for five minutes (so nobody can lock
 *   another person out from elsewhere).
 * - Per address, over all usernames: the first twenty failures go unhindered; after that each
 *   attempt waits for a delay that doubles from one second up to a minute. Many people share one
 *   address behind a proxy, so the address is slowed down, not locked; the count starts over
 *   after fifteen minutes without a failure.
 */
export class LoginThrottle {
  static readonly MAX_FAILURES_PER_ACCOUNT = 10;
  static readonly LOCK_MS = 5 * 60_000;
  static readonly FREE_ATTEMPTS_PER_ADDRESS = 20;
  static readonly FIRST_DELAY_MS = 1_000;
  static readonly MAX_DELAY_MS = 60_000;
  static readonly WINDOW_MS = 15 * 60_000;
  /** Past this many tracked accounts or addresses, expired entries are dropped. */
  private static readonly PRUNE_AT = 10_000;
  private readonly accounts = new Map<string, { attempts: number; lockedUntil: number; lastAt: number }>();
  private readonly addresses = new Map<string, { attempts: number; nextAt: number; lastAt: number }>();

  /** How long an attempt for this username from this address must wait; 0 when it may go ahead. */
  waitMs(username: string, ip: string, now = Date.now()): number {
    const account = this.accounts.get(this.key(username, ip));
    const address = this.address(ip, now);
    const accountWait = account ? Math.max(0, account.lockedUntil - now) : 0;
    const addressWait = address && address.attempts >= LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS ? Math.max(0, address.nextAt - now) : 0;
    return Math.max(accountWait, addressWait);
  }

  /** Lets an attempt in and counts it as failed until `succeeded` says otherwise; 429 when it must wait. */
  begin(username: string, ip: string, now = Date.now()): LoginAttempt {
    const wait = this.waitMs(username, ip, now);
    if (wait > 0) throw new TooManyRequestsError(waitMessage(wait), Math.ceil(wait / 1000));
    if (this.accounts.size > LoginThrottle.PRUNE_AT || this.addresses.size > LoginThrottle.PRUNE_AT) this.prune(now);

    const accountKey = this.key(username, ip);
    const account = this.accounts.get(accountKey) ?? { attempts: 0, lockedUntil: 0, lastAt: now };
    account.attempts++;
    account.lastAt = now;
    if (account.attempts >= LoginThrottle.MAX_FAILURES_PER_ACCOUNT) {
      account.lockedUntil = now + LoginThrottle.LOCK_MS;
      account.attempts = 0;
    }
    this.accounts.set(accountKey, account);

    const address = this.address(ip, now) ?? { attempts: 0, nextAt: 0, lastAt: now };
    address.attempts++;
    address.lastAt = now;
    const beyond = address.attempts - LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS;
    if (beyond >= 0) address.nextAt = now + Math.min(LoginThrottle.FIRST_DELAY_MS * 2 ** Math.min(beyond, 30), LoginThrottle.MAX_DELAY_MS);
    this.addresses.set(ip, address);
    return { accountKey, ip };
  }

  /** The password was right: the pair starts over, and the attempt does not count against the address. */
  succeeded(attempt: LoginAttempt): void {
    this.accounts.delete(attempt.accountKey);
    const address = this.addresses.get(attempt.ip);
    if (address && address.attempts > 0) address.attempts--;
  }

  /** The address's count, unless fifteen minutes have passed without an attempt counted. */
  private address(ip: string, now: number) {
    const address = this.addresses.get(ip);
    if (address && now - address.lastAt >= LoginThrottle.WINDOW_MS && address.nextAt <= now) {
      this.addresses.delete(ip);
      return undefined;
    }
    return address;
  }

  private prune(now: number): void {
    for (const [key, a] of this.accounts) if (a.lockedUntil <= now && now - a.lastAt >= LoginThrottle.WINDOW_MS) this.accounts.delete(key);
    for (const ip of [...this.addresses.keys()]) this.address(ip, now);
  }

  private key(username: string, ip: string): string {
    return `${username.toLowerCase()}\u0000${ip}`;
  }
}

/** A session as read from the database, with its times ready to compare. */
interface Remembered {
  tokenHash: string;
  /** Null when the account is deactivated. */
  user: SessionUser | null;
  createdAt: Date;
  expiresAtMs: number;
  lastSeenAtMs: number;
}

export function createAuthService(db: Db, options: AuthOptions) {
  const throttle = new LoginThrottle();
  // Sessions as last read, valid while the database is unchanged (`db/stamp.ts`): any write — a
  // sign-out, a role change, a deactivation, here or from a CLI — empties it, so the next request
  // reads the database again (after a CLI's write: within a millisecond). Expiry is still checked
  // on every request. Kept by the token itself (in this process's memory only; the database
  // holds digests), so a remembered session costs no digest and no date parsing: the times are
  // kept as numbers.
  const dbStamp = createDbStamp(db);
  let sessionsAt = '';
  const sessions = new Map<string, Remembered>();
  const lookup = (token: string, at: string): Remembered | null => {
    if (at !== sessionsAt) {
      sessions.clear();
      sessionsAt = at;
    }
    const known = sessions.get(token);
    if (known) return known;
    const tokenHash = hashToken(token);
    const session = findSession(db, tokenHash);
    if (!session) return null;
    const row = findUserById(db, session.userId);
    const user = row?.isActive ? toSessionUser(row) : null;
    // Shared by the requests of this session until the next write: nobody may change it.
    if (user) Object.freeze(Object.freeze(user).unitIds);
    const found: Remembered = {
      tokenHash,
      user,
      createdAt: new Date(session.createdAt),
      expiresAtMs: Date.parse(session.expiresAt),
      lastSeenAtMs: Date.parse(session.lastSeenAt),
    };
    // Bounded: a flood of different tokens cannot grow it without end.
    if (user && sessions.size < 10_000) sessions.set(token, found);
    return found;
  };
  const expiry = (createdAt: Date, now: Date): string =>
    new Date(
      Math.min(createdAt.getTime() + options.sessionHours * 3_600_000, now.getTime() + options.idleMinutes * 60_000),
    ).toISOString();

  /**
   * A new server-side session for an account whose sign-in succeeded, by password or through the
   * identity provider (with the ID token it was given, for signing out there too). Call inside
   * the sign-in's transaction.
   */
  const startSession = (userId: number, oidcIdToken: string | null = null): { token: string; expiresAt: string } => {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = expiry(now, now);
    deleteExpiredSessions(db, now.toISOString());
    insertSession(db, hashToken(token), userId, now.toISOString(), expiresAt, oidcIdToken);
    return { token, expiresAt };
  };

  return {
    async login(username: string, password: string, ip: string): Promise<{ token: string; user: SessionUser; expiresAt: string }> {
      // Counted before the password is checked (below, asynchronously): no burst gets past the limits.
      const attempt = throttle.begin(username, ip);
      const user = findUserByUsername(db, username);
      // An account the identity provider made has no password (''): checked against the dummy
      // hash, so that it answers as slowly as any wrong password.
      const hasPassword = user !== undefined && user.isActive && user.passwordHash !== '';
      const ok = await verifyPassword(hasPassword ? user.passwordHash : null, password);
      if (!user || !ok) throw new UnauthorizedError(WRONG_LOGIN);
      throttle.succeeded(attempt);
      const { token, expiresAt } = db.transaction(() => startSession(user.id))();
      return { token, user: toSessionUser(user), expiresAt };
    },

    startSession,

    /** Ends a session; returns the ID token it was begun with through the provider, if any. */
    logout(token: string): { oidcIdToken: string | null } {
      const tokenHash = hashToken(token);
      const oidcIdToken = findSessionIdToken(db, tokenHash);
      deleteSession(db, tokenHash);
      return { oidcIdToken };
    },

    /** The database's change stamp now (see db/stamp.ts): read once per request by the access check. */
    stamp: dbStamp,

    /**
     * The person behind a session token, or null when it is unknown, expired or deactivated.
     * `at` is the change stamp read for this request, when the caller already has it.
     */
    authenticate(token: string, at: string = dbStamp()): SessionUser | null {
      const found = lookup(token, at);
      if (!found) return null;
      const now = Date.now();
      if (found.expiresAtMs <= now) {
        deleteSession(db, found.tokenHash);
        return null;
      }
      if (!found.user) return null;
      // Extending the idle deadline is a write: once a minute is enough.
      if (now - found.lastSeenAtMs > 60_000) {
        const at = new Date(now);
        touchSession(db, found.tokenHash, at.toISOString(), expiry(found.createdAt, at));
      }
      return found.user;
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

function toSessionUser(u: { id: number; username: string; displayName: string; role: Role; unitIds: string[] }): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitIds: u.unitIds };
}
