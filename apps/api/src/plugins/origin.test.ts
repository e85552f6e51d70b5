import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type AppOptions } from '../app.js';
import { migrate, openDatabase } from '../db/database.js';
import { seed } from '../services/seed.js';
import { signIn } from '../test-app.js';

// The cross-site check on cookie-authenticated writes compares the whole origin: scheme, host
// and port. Signing out is the write here: 204 when let through, 403 when refused.

const opened: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

async function appWith(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const db = openDatabase(':memory:');
  migrate(db);
  seed(db, { demo: true });
  const app = await buildApp({ db, ...options });
  await app.ready();
  opened.push(app);
  return app;
}

const signOut = async (app: FastifyInstance, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
  (await app.inject({ method: 'POST', url: '/api/auth/logout', remoteAddress, headers: { cookie: await signIn(app, 'politiker'), ...headers } }))
    .statusCode;

describe('the origin of a cookie-authenticated write', () => {
  it('must match scheme, host and port: an https page does not pass against this http server', async () => {
    const app = await appWith();
    const host = 'tillit.kommun.se:3000';
    expect(await signOut(app, { host, origin: 'https://tillit.kommun.se:3000' })).toBe(403);
    expect(await signOut(app, { host, origin: 'http://tillit.kommun.se:3001' })).toBe(403);
    expect(await signOut(app, { host, origin: 'http://evil.tillit.kommun.se:3000' })).toBe(403);
    expect(await signOut(app, { host, origin: 'null' })).toBe(403);
    expect(await signOut(app, { host, origin: 'http://tillit.kommun.se:3000' })).toBe(204);
    // A default port is the same origin written without it.
    expect(await signOut(app, { host: 'tillit.kommun.se:80', origin: 'http://tillit.kommun.se' })).toBe(204);
  });

  it('works behind a trusted TLS proxy, which says the scheme and host (X-Forwarded-Proto/-Host)', async () => {
    const app = await appWith({ trustProxy: ['10.20.0.2'] });
    const forwarded = { host: '127.0.0.1:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'tillit.kommun.se' };
    expect(await signOut(app, { ...forwarded, origin: 'https://tillit.kommun.se' }, '10.20.0.2')).toBe(204);
    expect(await signOut(app, { ...forwarded, origin: 'http://tillit.kommun.se' }, '10.20.0.2')).toBe(403);
  });

  it('ignores X-Forwarded-Proto from a proxy that is not trusted', async () => {
    const app = await appWith();
    const forwarded = { host: 'tillit.kommun.se', 'x-forwarded-proto': 'https' };
    expect(await signOut(app, { ...forwarded, origin: 'https://tillit.kommun.se' }, '10.20.0.2')).toBe(403);
  });

  it('with PUBLIC_URL, accepts that origin only', async () => {
    const app = await appWith({ security: { publicOrigin: 'https://tillit.kommun.se' } });
    expect(await signOut(app, { host: '127.0.0.1:3000', origin: 'https://tillit.kommun.se' })).toBe(204);
    expect(await signOut(app, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).toBe(403);
  });
});
