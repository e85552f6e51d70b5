import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type AppOptions } from '../app.js';
import { migrate, openDatabase } from '../db/database.js';
import { LoginThrottle } from '../services/auth.js';
import { seed } from '../services/seed.js';

// Sign-in under attack: bursts of simultaneous attempts, many people behind one proxy address.
// Each password check shows as a 401 (wrong) or 200 (right); a 429 was refused before the check.

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

type Attempt = { username: string; password: string; remoteAddress?: string; forwardedFor?: string };
const attempt = (app: FastifyInstance, a: Attempt) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: a.username, password: a.password },
    remoteAddress: a.remoteAddress ?? '10.1.0.1',
    headers: a.forwardedFor ? { 'x-forwarded-for': a.forwardedFor } : {},
  });

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('a burst of simultaneous sign-ins', () => {
  it('on one account checks at most the account limit of passwords, and the right one does not get in once locked', async () => {
    const app = await appWith();
    const burst: Attempt[] = [
      ...Array.from({ length: 149 }, (_, i) => ({ username: 'politiker', password: `fel-${i}` })),
      { username: 'politiker', password: 'tillit-demo' },
    ];
    const statuses = (await Promise.all(burst.map((a) => attempt(app, a)))).map((r) => r.statusCode);
    const checked = count(statuses, 401) + count(statuses, 200);
    expect(checked).toBeLessThanOrEqual(LoginThrottle.MAX_FAILURES_PER_ACCOUNT);
    expect(count(statuses, 429)).toBe(150 - checked);
    expect(statuses.at(-1)).toBe(429);
    // Still locked afterwards, for the right password too.
    expect((await attempt(app, { username: 'politiker', password: 'tillit-demo' })).statusCode).toBe(429);
  });

  it('over many accounts from one address checks at most the address allowance, then slows down', async () => {
    const app = await appWith();
    const burst = Array.from({ length: 150 }, (_, i) => ({ username: `person-${i}`, password: 'fel-lösenord' }));
    const responses = await Promise.all(burst.map((a) => attempt(app, a)));
    const statuses = responses.map((r) => r.statusCode);
    expect(count(statuses, 401)).toBeLessThanOrEqual(LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS + 1);
    const refused = responses.find((r) => r.statusCode === 429)!;
    expect(refused.json().error.message).toMatch(/Vänta \d+ sekund/);
    // A delay of seconds, not a lockout of everyone behind the address for a quarter of an hour.
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(LoginThrottle.MAX_DELAY_MS / 1000);
  });
});

describe('the address limit', () => {
  const ip = '192.0.2.7';

  it('slows an address down step by step instead of locking everyone behind it out', () => {
    const throttle = new LoginThrottle();
    let now = 1_000_000;
    // Many failures from one address, each let through as soon as the delay allows.
    const waits: number[] = [];
    for (let i = 0; i < 80; i++) {
      const wait = throttle.waitMs(`user-${i}`, ip, now);
      waits.push(wait);
      now += wait;
      throttle.begin(`user-${i}`, ip, now);
    }
    expect(waits.slice(0, LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS).every((w) => w === 0)).toBe(true);
    const delayed = waits.slice(LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS + 1);
    expect(delayed[1]!).toBeGreaterThan(delayed[0]!);
    expect(Math.max(...delayed)).toBeLessThanOrEqual(LoginThrottle.MAX_DELAY_MS);
    // Someone else behind the same address signs in after the current delay, not fifteen minutes.
    now += throttle.waitMs('enhetschef', ip, now);
    expect(() => throttle.begin('enhetschef', ip, now)).not.toThrow();
  });

  it('does not count successful sign-ins: a busy proxy address full of colleagues is not slowed', () => {
    const throttle = new LoginThrottle();
    const now = 2_000_000;
    for (let i = 0; i < 200; i++) {
      const attemptOf = throttle.begin(`colleague-${i}`, ip, now);
      throttle.succeeded(attemptOf);
    }
    expect(throttle.waitMs('another', ip, now)).toBe(0);
  });
});

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  const proxy = '10.20.0.2';
  const lockOut = async (app: FastifyInstance, forwardedFor: string) => {
    for (let i = 0; i < LoginThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
      await attempt(app, { username: 'enhetschef', password: `fel-${i}`, remoteAddress: proxy, forwardedFor });
    }
    return attempt(app, { username: 'enhetschef', password: 'tillit-demo', remoteAddress: proxy, forwardedFor });
  };

  it('limits two clients behind one trusted proxy separately, by the address the proxy gives', async () => {
    const app = await appWith({ trustProxy: [proxy] });
    expect((await lockOut(app, '198.51.100.1')).statusCode).toBe(429);
    const other = await attempt(app, { username: 'enhetschef', password: 'tillit-demo', remoteAddress: proxy, forwardedFor: '198.51.100.2' });
    expect(other.statusCode).toBe(200);
  });

  it('trusts one hop with TRUST_PROXY=1', async () => {
    const app = await appWith({ trustProxy: 1 });
    expect((await lockOut(app, '198.51.100.1')).statusCode).toBe(429);
    const other = await attempt(app, { username: 'enhetschef', password: 'tillit-demo', remoteAddress: proxy, forwardedFor: '198.51.100.2' });
    expect(other.statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY, and from a proxy not in the list', async () => {
    for (const options of [{}, { trustProxy: ['10.99.0.1'] }]) {
      const app = await appWith(options);
      expect((await lockOut(app, '198.51.100.1')).statusCode).toBe(429);
      // A made-up header does not give a fresh address: the same lock holds.
      const other = await attempt(app, { username: 'enhetschef', password: 'tillit-demo', remoteAddress: proxy, forwardedFor: '198.51.100.2' });
      expect(other.statusCode).toBe(429);
    }
  });
});
