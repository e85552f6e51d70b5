import type { Role } from '@tillit/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { Actor } from '../services/audit.js';
import type { AuthService, SessionUser } from '../services/auth.js';

/**
 * Who may call a route: `'public'` (anyone, signed in or not) or the roles that may. Every API
 * route declares one in `config.access`; a route without a decision stops the app from starting.
 */
export type Access = 'public' | readonly Role[];

// The role groups are the domain's (people.ts), the same the web's pages decide with.
export { DEVELOPMENT_MANAGER, SIGNED_IN, STAFF } from '@tillit/domain';

/** A registered API route and who may call it: the table the route × role test checks. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * `false`: the route reads nothing of the database and no one's session (`/api/health`), so
     * a request to it neither reads the change stamp nor looks its session up.
     */
    session?: false;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    /**
     * The database's change stamp (db/stamp.ts), read at most once per request: when the session
     * is looked up, or when a route first asks (before it reads data), never for a route that
     * touches no data.
     */
    readonly dataStamp: string;
    /** The stamp once read (see `dataStamp`). */
    stampRead: string | null;
  }
  interface FastifyInstance {
    routeAccess: RouteAccess[];
  }
}

export const SESSION_COOKIE = 'tillit_session';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in person of a request; throws 401 when there is none (for use in handlers). */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new UnauthorizedError();
  return request.user;
}

export interface AccessOptions {
  data?: { observe: (stamp: string) => void };
  /** PUBLIC_URL's origin; when null, this request's own scheme, host and port. */
  publicOrigin?: string | null;
}

export function registerAccessControl(app: FastifyInstance, auth: AuthService, { data, publicOrigin = null }: AccessOptions = {}): void {
  app.decorateRequest('user', null);
  app.decorateRequest('stampRead', null);
  // Whoever reads the stamp first also tells the data version about writes by other processes.
  app.decorateRequest('dataStamp', {
    getter(this: FastifyRequest): string {
      if (this.stampRead === null) {
        this.stampRead = auth.stamp();
        data?.observe(this.stampRead);
      }
      return this.stampRead;
    },
  });
  const table: RouteAccess[] = [];
  app.decorate('routeAccess', table);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api')) return;
    // The generated API documentation is public by nature.
    if (url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`${String(route.method)} ${url} has no access decision: set config.access`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url, access });
  });

  // A callback hook, not an async one: no promise per request.
  app.addHook('onRequest', (request, _reply, done) => {
    done(refusal(request));
  });

  /** Why this request may not go on (401, 403), or undefined when it may. */
  function refusal(request: FastifyRequest): Error | undefined {
    const config = request.routeOptions.config;
    const access = config?.access;
    const token = request.cookies[SESSION_COOKIE];
    // Only the API asks who is calling (not the web app's files), and not a route that reads nothing.
    if (token && access !== undefined && config.session !== false) {
      request.user = auth.authenticate(token, request.dataStamp);
    }

    // Cookie-authenticated writes must come from this site: refuse another origin.
    if (UNSAFE_METHODS.has(request.method) && token !== undefined) {
      const site = request.headers['sec-fetch-site'];
      const origin = request.headers.origin;
      const isCrossSite = site === 'cross-site' || (origin !== undefined && origin !== (publicOrigin ?? ownOrigin(request)));
      if (isCrossSite) return new ForbiddenError('Förfrågan kom från en annan webbplats och har stoppats.');
    }

    if (access === undefined || access === 'public') return undefined;
    if (!request.user) return new UnauthorizedError();
    if (!access.includes(request.user.role)) return new ForbiddenError();
    return undefined;
  }
}

/**
 * This request's own origin: scheme, host and port, as a browser writes it in `Origin`. Behind a
 * trusted proxy (TRUST_PROXY) Fastify takes the scheme and host from X-Forwarded-Proto/-Host;
 * otherwise from the connection itself, so an `https://` page cannot pass as this `http://` site.
 */
function ownOrigin(request: FastifyRequest): string | null {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return null;
  }
}

/** The signed-in person as the author of a write, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  const user = requireUser(request);
  return { userId: user.id, username: user.username, requestId: request.id };
}
