import type { Role } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../test-app.js';

/**
 * Every API route × every role. Each route's decision is written down here; a route that is
 * registered but missing from this table, or listed but gone, fails the first test, and a
 * route without any decision stops the app from building at all.
 */
type Who = 'anonymous' | Role;
const DM: Role = 'development_manager';
const UM: Role = 'unit_manager';
const POL: Role = 'politician';
const PUBLIC = 'public' as const;

const EXPECTED: Record<string, typeof PUBLIC | Role[]> = {
  'GET /api/health': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'GET /api/auth/me': [DM, UM, POL],
  'GET /api/auth/demo-accounts': PUBLIC,
  'GET /api/auth/providers': PUBLIC,
  'GET /api/auth/oidc/login': PUBLIC,
  'GET /api/auth/oidc/callback': PUBLIC,
  'GET /api/metrics': [DM, UM, POL],
  'GET /api/principles': [DM, UM, POL],
  'PATCH /api/metrics/:key': [DM],
  'POST /api/metrics': [DM],
  'GET /api/metrics/:key/versions': [DM, UM, POL],
  'GET /api/metrics/:key/final-years': [DM],
  'PUT /api/metrics/:key/final-years/:year': [DM],
  'DELETE /api/metrics/:key/final-years/:year': [DM],
  'GET /api/principles/overview': [DM, UM, POL],
  'POST /api/principles': [DM],
  'PUT /api/principles/:key': [DM],
  'PUT /api/principles/:key/metrics': [DM],
  'GET /api/units': [DM, UM, POL],
  'POST /api/units': [DM],
  'PATCH /api/units/:id': [DM],
  'POST /api/units/:id/close': [DM],
  'POST /api/units/import': [DM],
  'GET /api/reorganisations': [DM, UM],
  'POST /api/reorganisations': [DM],
  'GET /api/values': [DM, UM],
  'GET /api/compare': [DM, UM],
  'GET /api/export/values.csv': [DM, UM],
  'GET /api/export/values.xlsx': [DM, UM],
  'GET /api/users': [DM],
  'POST /api/users': [DM],
  'PATCH /api/users/:id': [DM],
  'POST /api/users/:id/password': [DM],
  'GET /api/audit': [DM],
  'POST /api/data-needs': [DM, UM, POL],
  'GET /api/data-needs': [DM, UM, POL],
  'GET /api/data-needs/stats': [DM],
  'PATCH /api/data-needs/:id': [DM],
  'POST /api/data-needs/:id/read': [DM, UM, POL],
  'GET /api/annotations': [DM, UM],
  'GET /api/annotations/recent': [DM, UM],
  'POST /api/annotations': [DM, UM],
  'PATCH /api/annotations/:id': [DM, UM],
  'DELETE /api/annotations/:id': [DM, UM],
  'POST /api/annotations/:id/replies': [DM, UM],
  'GET /api/summary': [DM, UM, POL],
  'GET /api/public/:token/summary': PUBLIC,
  'POST /api/public-links': [DM],
  'GET /api/public-links': [DM],
  'PATCH /api/public-links/:id': [DM],
  'DELETE /api/public-links/:id': [DM],
  'POST /api/imports': [DM],
  'GET /api/imports': [DM],
  'DELETE /api/imports/:batchId': [DM],
  'POST /api/kolada/imports': [DM],
  'GET /api/kolada/mappings': [DM],
  'POST /api/kolada/mappings': [DM],
  'PUT /api/kolada/mappings/:kpi': [DM],
  'DELETE /api/kolada/mappings/:kpi': [DM],
  'GET /api/reference-series': [DM, UM, POL],
  'GET /api/health/ready': PUBLIC,
  'GET /api/system/backups': [DM],
  'GET /api/users/:id/personal-data': [DM],
  'POST /api/users/:id/erase': [DM],
  'GET /api/settings': [DM, UM, POL],
  'PUT /api/settings': [DM, UM, POL],
  'GET /api/mail/status': [DM],
  'POST /api/mail/outbox/:id/resend': [DM],
  'GET /api/review': [DM],
  'GET /api/analyses': [DM],
  'PUT /api/analyses': [DM],
};

const ACCOUNTS: Record<Role, string> = { development_manager: 'utvecklingschef', unit_manager: 'enhetschef', politician: 'politiker' };

let app: FastifyInstance;
const cookies = new Map<Who, string>();

beforeAll(async () => {
  ({ app } = await createTestApp());
  for (const [role, username] of Object.entries(ACCOUNTS) as [Role, string][]) cookies.set(role, await signIn(app, username));
});
afterAll(() => app.close());

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe('route × role', () => {
  it('every registered API route has a written-down decision, and every decision a route', () => {
    const registered = app.routeAccess.map(key).sort();
    expect(registered).toEqual(Object.keys(EXPECTED).sort());
    for (const route of app.routeAccess) {
      const expected = EXPECTED[key(route)];
      expect(route.access === PUBLIC ? PUBLIC : [...route.access].sort(), key(route)).toEqual(
        expected === PUBLIC ? PUBLIC : [...(expected ?? [])].sort(),
      );
    }
  });

  const who: Who[] = ['anonymous', DM, UM, POL];
  it.each(who)('answers %s on every route as decided: 401 without sign-in, 403 outside the role', async (caller) => {
    // Sign-out goes last, so that it does not end the session the other requests use.
    const routes = [...app.routeAccess].sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    for (const route of routes) {
      const url = route.url.replace(/:[a-zA-Z]+/g, '1');
      const cookie = caller === 'anonymous' ? undefined : cookies.get(caller);
      const res = await app.inject({
        method: route.method as 'GET',
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: '{}' }),
      });
      const expected = EXPECTED[key(route)]!;
      const label = `${caller} ${key(route)} → ${res.statusCode}`;
      if (expected === PUBLIC || (caller !== 'anonymous' && expected.includes(caller))) {
        expect([401, 403], label).not.toContain(res.statusCode);
      } else if (caller === 'anonymous') {
        expect(res.statusCode, label).toBe(401);
      } else {
        expect(res.statusCode, label).toBe(403);
      }
      expect(res.statusCode, label).toBeLessThan(500);
    }
    if (caller !== 'anonymous') cookies.set(caller, await signIn(app, ACCOUNTS[caller]));
  });
});
