import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { buildApp } from '../app.js';
import { migrate, openDatabase } from '../db/database.js';
import { hashToken } from '../services/auth.js';
import { seed } from '../services/seed.js';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let db: Db;
beforeAll(async () => {
  ({ app, db } = await createTestApp());
});
afterAll(() => app.close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('POST /api/auth/login', () => {
  it('signs in with the right password and sets an httpOnly, SameSite session cookie', async () => {
    const res = await login('utvecklingschef', 'tillit-demo');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      username: 'utvecklingschef',
      displayName: 'Utvecklingschef (demo)',
      role: 'development_manager',
      unitIds: [],
    });
    const cookie = res.cookies.find((c) => c.name === 'tillit_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
    // Only a hash of the token is stored.
    expect(db.prepare('SELECT count(*) FROM sessions WHERE token_hash = ?').pluck().get(cookie.value)).toBe(0);
  });

  it('answers a wrong password with 401 and a message a person understands', async () => {
    const res = await login('enhetschef', 'fel-lösenord', '10.0.0.2');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Fel användarnamn eller lösenord. Kontrollera stavningen och försök igen.');
    expect(res.cookies).toHaveLength(0);
  });

  it('says the same for an unknown username, so it does not tell which accounts exist', async () => {
    const res = await login('finns-inte', 'vad-som-helst', '10.0.0.3');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/Fel användarnamn eller lösenord/);
  });

  it('answers missing fields with 400 naming them', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('password');
  });

  it('meets 30 wrong passwords in a row with a 429 and Retry-After, and lets the right person in from elsewhere', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login('politiker', `fel-${i}`, '10.0.0.4')).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    const blocked = await login('politiker', 'tillit-demo', '10.0.0.4');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.message).toMatch(/För många misslyckade inloggningar/);
    // The lock is per account and address: an attacker elsewhere does not lock the person out.
    expect((await login('politiker', 'tillit-demo', '10.0.0.5')).statusCode).toBe(200);
  });
});

describe('the session', () => {
  it('knows who is signed in, and ends on sign-out', async () => {
    const cookie = await signIn(app, 'enhetschef');
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ role: 'unit_manager', unitIds: ['hemtjanst-hemtjanst-oster', 'hemtjanst-hemtjanst-vaster'] });
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses anonymous reads of the data with 401 and the error envelope', async () => {
    const res = await app.inject('/api/values?metric=staff_turnover&unit=soc');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.any(String) });
  });

  it('expires: a session past its end is refused and removed', async () => {
    const cookie = await signIn(app, 'utvecklingschef');
    db.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const tokenHash = hashToken(cookie.split('=')[1]!);
    expect(db.prepare('SELECT count(*) FROM sessions WHERE token_hash = ?').pluck().get(tokenHash)).toBe(0);
  });

  it('ends when the account is deactivated', async () => {
    const cookie = await signIn(app, 'politiker');
    db.prepare("UPDATE users SET is_active = 0 WHERE username = 'politiker'").run();
    try {
      expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
      expect((await login('politiker', 'tillit-demo', '10.0.0.9')).statusCode).toBe(401);
    } finally {
      db.prepare("UPDATE users SET is_active = 1 WHERE username = 'politiker'").run();
    }
  });

  it('refuses a cookie-authenticated write from another origin', async () => {
    const cookie = await signIn(app, 'utvecklingschef');
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(res.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const same = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'http://localhost:3000', host: 'localhost:3000' },
    });
    expect(same.statusCode).toBe(204);
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy that allows only this origin to run scripts, and no framing', async () => {
    const res = await app.inject('/login');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets an API answer load nothing and be framed by no one, should a browser open it as a page', async () => {
    const res = await app.inject('/api/health');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    // The API's documentation is a page that runs its own scripts, under a page's policy.
    const docs = await app.inject('/api/docs/');
    expect(String(docs.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('marks the cookie Secure when configured for TLS', async () => {
    const tlsDb = openDatabase(':memory:');
    migrate(tlsDb);
    seed(tlsDb, { demo: true });
    const tls = await buildApp({ db: tlsDb, security: { cookieSecure: true } });
    const res = await tls.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'politiker', password: 'tillit-demo' } });
    expect(res.cookies.find((c) => c.name === 'tillit_session')?.secure).toBe(true);
    await tls.close();
  });
});

describe('demo accounts', () => {
  it('are listed, with their password, in demo mode only', async () => {
    const demo = (await app.inject('/api/auth/demo-accounts')).json();
    expect(demo.password).toBe('tillit-demo');
    expect(demo.accounts.map((a: { username: string }) => a.username)).toEqual(['utvecklingschef', 'enhetschef', 'politiker']);
    const { app: real } = await createTestApp({ demo: false });
    expect((await real.inject('/api/auth/demo-accounts')).json()).toEqual({ password: null, accounts: [] });
    await real.close();
  });
});
