import { safeNextPath } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';

// Only the path matters: any origin serves as the base that `next` must not leave.
const BASE = 'http://tillit.invalid';

/**
 * The sign-in page (`/login`) follows `next` after signing in, and at once for someone signed
 * in already. The page itself checks it; the server also refuses to hand out the page with a
 * `next` that leaves this site (`/login?next=/%5Cevil.example`), sending the browser to the page
 * without it, so an old or tampered copy of the page cannot follow it either.
 */
export function registerLoginNextGuard(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return done();
    const mark = request.url.indexOf('?');
    const path = mark === -1 ? request.url : request.url.slice(0, mark);
    if ((path !== '/login' && path !== '/login.html') || mark === -1) return done();
    const params = new URLSearchParams(request.url.slice(mark + 1));
    const next = params.get('next');
    if (next === null || safeNextPath(next, BASE) !== null) return done();
    params.delete('next');
    const rest = params.toString();
    void reply.header('cache-control', 'no-store').redirect(rest ? `${path}?${rest}` : path, 302);
  });
}
