import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from './db/database.js';
import { insertUser } from './db/users.js';
import { hashPasswordSync } from './services/passwords.js';
import { createTestApp, signIn } from './test-app.js';

describe('the app', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'tillit-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Tillit</title><div id="root"></div>');
    writeFileSync(join(webRoot, 'login.html'), '<!doctype html><title>Logga in – Tillit</title><div id="root" data-page="login"></div>');
    writeFileSync(join(webRoot, 'summary.html'), '<!doctype html><title>Sammanfattning – Tillit</title><div id="root" data-page="summary"></div>');
    writeFileSync(join(webRoot, 'metric.html'), '<!doctype html><title>Tillit</title><div id="root" data-page="metric"></div>');
    ({ app } = await createTestApp({ webRoot }));
  });
  afterAll(() => app.close());

  it('is healthy and says it runs on demo data', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', isDemo: true });
  });

  it('describes every API route in its OpenAPI document', async () => {
    const res = await app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/health', '/api/metrics', '/api/principles', '/api/units', '/api/values']) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });

  it('says what a field without its own message expected (zod/mini with the English texts)', async () => {
    const cookie = await signIn(app, 'utvecklingschef');
    const res = await app.inject({ url: '/api/values?unit=org', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { details: { path: string; message: string }[] } };
    expect(body.error.details).toContainEqual({ path: 'querystring.metric', message: 'Invalid input: expected string, received undefined' });
  });

  it('serves the API docs page', async () => {
    const res = await app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
  });

  it('answers an unknown API path with 404 and the error envelope', async () => {
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
  });

  it('serves the web app for any page path, so links into the app work (SPA fallback)', async () => {
    for (const url of ['/', '/metrics/manager_sick_leave?unit=soc', '/no/such/page']) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root"');
    }
  });

  it('serves the sign-in page, its own small entry, for /login (with or without where to go next)', async () => {
    for (const url of ['/login', '/login?next=%2Fmetrics%2Fstaff_turnover%3Funit%3Difo']) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('data-page="login"');
    }
    // Only that path: the app's pages still get the app.
    for (const url of ['/', '/login/more', '/summary']) expect((await app.inject(url)).body).not.toContain('data-page="login"');
  });

  it('serves the summary and public links their own small entry, and the metric page the app with its chunks preloaded', async () => {
    for (const url of ['/summary', '/summary?unit=ifo', '/p/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', '/p/x?unit=ifo']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body, url).toContain('data-page="summary"');
    }
    for (const url of ['/metrics/manager_sick_leave', '/metrics/staff_turnover?unit=soc']) expect((await app.inject(url)).body, url).toContain('data-page="metric"');
    // Every other page of the app: the app itself.
    for (const url of ['/', '/summary/more', '/p/a/b', '/principles', '/data-needs/mine']) {
      const body = (await app.inject(url)).body;
      expect(body, url).toContain('<div id="root">');
    }
  });

  it('does not hand out the sign-in page with a next that leaves this site, but the page without it', async () => {
    for (const next of ['/%5Cevil.example/x', '/%09/evil.example/x', '/%5C%5Cevil.example', '%2F%2Fevil.example', 'https://evil.example']) {
      const res = await app.inject(`/login?lang=en&next=${next}`);
      expect(res.statusCode, next).toBe(302);
      expect(res.headers.location).toBe('/login?lang=en');
    }
    expect((await app.inject('/login?next=/%5Cevil.example')).headers.location).toBe('/login');
  });

  it('answers a missing asset with 404, not with the page (a stale tab after a rebuild must not get HTML as JS)', async () => {
    const res = await app.inject('/assets/index-old.js');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).not.toMatch(/html/);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/values',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken":',
    });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json()).toHaveProperty('error.code');
  });

  // Found by the fuzz (routes/fuzz.test.ts): the router's own refusals had Fastify's body, not the envelope.
  it('answers an overlong path parameter or a broken percent-encoding with the error envelope, without echoing the path', async () => {
    const long = await app.inject({ method: 'DELETE', url: `/api/annotations/${'Å'.repeat(200)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json().error).toMatchObject({ code: 'VALIDATION', requestId: expect.any(String) });
    expect(long.body).not.toContain('Å');
    const broken = await app.inject({ method: 'PATCH', url: '/api/annotations/%E0%A4%A' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ code: 'VALIDATION', requestId: expect.any(String) });
  });
});

describe('the catalogue', () => {
  let app: FastifyInstance;
  let get: (url: string) => Promise<{ json: () => unknown }>;
  beforeAll(async () => {
    let db: Db;
    ({ app, db } = await createTestApp({ demo: false }));
    // No demo accounts without demo mode: make the first development manager, as user:create does.
    insertUser(
      db,
      { username: 'anna', displayName: 'Anna', role: 'development_manager', passwordHash: hashPasswordSync('ett långt lösenord'), unitIds: [] },
      new Date().toISOString(),
    );
    const cookie = await signIn(app, 'anna', 'ett långt lösenord');
    get = (url) => app.inject({ method: 'GET', url, headers: { cookie } });
  });
  afterAll(() => app.close());

  it('lists the six metrics of the brief with their definitions, even without demo data', async () => {
    const metrics = (await get('/api/metrics')).json() as { key: string; definition: { sv: string }; prompt: { sv: string } }[];
    expect(metrics.map((m) => m.key)).toEqual([
      'staff_per_manager',
      'manager_turnover_external',
      'manager_tenure_3y',
      'staff_turnover',
      'manager_sick_leave',
      'manager_mobility_internal',
    ]);
    for (const m of metrics) {
      expect(m.definition.sv.length).toBeGreaterThan(20);
      expect(m.prompt.sv).toMatch(/Vilka data behöver du/);
    }
  });

  it('lists the seven principles, each with its linked metrics', async () => {
    const principles = (await get('/api/principles')).json() as { key: string; metrics: string[] }[];
    expect(principles.map((p) => p.key)).toEqual([
      'tillit',
      'medborgarfokus',
      'helhetssyn',
      'handlingsutrymme',
      'stod',
      'kunskap',
      'oppenhet',
    ]);
    expect(principles.find((p) => p.key === 'stod')!.metrics).toContain('staff_per_manager');
  });

  it('has no organisation and says it is not a demo', async () => {
    expect((await get('/api/units')).json()).toEqual([]);
    expect((await app.inject('/api/health')).json().isDemo).toBe(false);
  });
});
