import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { migrate, openDatabase, type Db } from './db/database.js';
import { seed } from './services/seed.js';
import { freePort, httpsRequest, makeCertificate, NGINX, startNginx, type HttpsAnswer } from './test-proxy.js';

// Tillit behind a real nginx that ends TLS, configured as docs/deploy.md says, with
// TRUST_PROXY=1, COOKIE_SECURE=1 and PUBLIC_URL=https://…: the browser's side is HTTPS, Tillit's
// side plain HTTP on 127.0.0.1. The client connects from 127.0.0.3 and nginx from 127.0.0.2, so
// the request log can only show the client's address if the forwarded headers are read right.

const CLIENT = '127.0.0.3';
const PROXY = '127.0.0.2';
const isCI = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI);
const hasNginx = existsSync(NGINX);
if (!hasNginx && !isCI) {
  console.warn(`Skipping the nginx/TLS test: ${NGINX} is missing (apt-get install nginx). In CI (CI=true) it runs, and fails, instead.`);
}

interface LogLine {
  msg?: string;
  req?: { method: string; url: string; remoteAddress: string };
}

describe.skipIf(!hasNginx && !isCI)('behind nginx with TLS', () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  let port: number;
  let ca: string;
  let origin: string;
  const log: LogLine[] = [];

  const send = (r: { method?: string; path: string; headers?: Record<string, string>; body?: unknown }): Promise<HttpsAnswer> =>
    httpsRequest(port, ca, { ...r, localAddress: CLIENT });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tillit-proxy-'));
    const certificate = makeCertificate(dir);
    ca = certificate.pem;
    port = await freePort();
    origin = `https://127.0.0.1:${port}`;

    const config = loadConfig({ TRUST_PROXY: '1', COOKIE_SECURE: '1', PUBLIC_URL: origin, DATABASE_PATH: join(dir, 'tillit.db') });
    db = openDatabase(config.databasePath);
    migrate(db);
    seed(db, { demo: true });
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) log.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    app = await buildApp({ db, logger: { level: 'info', stream }, security: config.security, trustProxy: config.trustProxy });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('Tillit is not listening');

    nginx = await startNginx({ dir, port, upstreamPort: address.port, cert: certificate.cert, key: certificate.key, bindAddress: PROXY });
  }, 30_000);

  afterAll(async () => {
    await nginx?.stop();
    await app?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in over https, with a Secure cookie, and writes with the https origin', async () => {
    expect((await send({ path: '/api/health' })).status).toBe(200);

    // A client-made X-Forwarded-For is kept behind nginx's own entry, and only that one is trusted.
    const login = await send({
      method: 'POST',
      path: '/api/auth/login',
      headers: { origin, 'x-forwarded-for': '198.51.100.66' },
      body: { username: 'utvecklingschef', password: 'tillit-demo' },
    });
    expect(login.status).toBe(200);
    const setCookie = [login.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('tillit_session='));
    expect(setCookie).toBeDefined();
    const attributes = setCookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
    const cookie = setCookie!.split(';')[0]!;

    expect((await send({ path: '/api/auth/me', headers: { cookie } })).status).toBe(200);

    const link = await send({ method: 'POST', path: '/api/public-links', headers: { cookie, origin }, body: { label: 'Socialnämnden via proxyn' } });
    expect(link.status).toBe(201);
    const { url, path } = JSON.parse(link.body) as { url: string; path: string };
    expect(url).toBe(`${origin}${path}`);
    // The link opens through the proxy, for someone without an account.
    const token = path.split('/').at(-1)!;
    expect((await send({ path: `/api/public/${token}/summary` })).status).toBe(200);

    // The same write from an http page of the same host is another origin: refused.
    const plain = await send({ method: 'POST', path: '/api/public-links', headers: { cookie, origin: `http://127.0.0.1:${port}` }, body: { label: 'x' } });
    expect(plain.status).toBe(403);

    // A redirect stays on the https site: its Location is a path, not an http:// address.
    const redirect = await send({ path: '/login?next=//evil.example/x', headers: { cookie } });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe('/login');

    // Signing out clears the cookie with the same attributes it was set with.
    const logout = await send({ method: 'POST', path: '/api/auth/logout', headers: { cookie, origin } });
    expect(logout.status).toBe(204);
    const cleared = [logout.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('tillit_session='));
    expect(cleared?.toLowerCase()).toMatch(/; secure/);
    expect((await send({ path: '/api/auth/me', headers: { cookie } })).status).toBe(401);
  });

  it("logs the client's address, not the proxy's and not the one the client made up", () => {
    const requests = log.filter((l) => l.msg === 'incoming request' && l.req);
    const login = requests.find((l) => l.req?.url === '/api/auth/login');
    expect(login?.req?.remoteAddress).toBe(CLIENT);
    expect(new Set(requests.map((l) => l.req?.remoteAddress))).toEqual(new Set([CLIENT]));
    expect(nginx?.errorLog()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
  });
});
