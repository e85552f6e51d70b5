import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditEntry, UserResponse } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../db/database.js';
import { createTestApp, signIn } from '../test-app.js';

/** Accounts' e-mail addresses (migration 014): kept in user administration, for mail later (issue 11). */

let app: FastifyInstance;
let db: Db;
let admin: string;
beforeAll(async () => {
  ({ app, db } = await createTestApp());
  admin = await signIn(app, 'utvecklingschef');
});
afterAll(() => app.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, cookie = admin) =>
  app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
const users = async () => (await call('GET', '/api/users')).json<UserResponse[]>();

describe('e-mail addresses of accounts', () => {
  it('the demo accounts have theirs, and local accounts are not provider accounts', async () => {
    const byName = Object.fromEntries((await users()).map((u) => [u.username, u]));
    expect(byName.utvecklingschef).toMatchObject({ email: 'utvecklingschef@example.org', isProviderAccount: false });
    expect(byName.enhetschef?.email).toBe('enhetschef@example.org');
    expect(byName.politiker?.email).toBe('politiker@example.org');
  });

  let bertilId: number;
  it('are given when an account is made (written in lower case), and none is fine too', async () => {
    const res = await call('POST', '/api/users', { username: 'bertil', displayName: 'Bertil B', role: 'politician', password: 'ett långt lösenord', email: ' Bertil.B@Kommun.se ' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'bertil.b@kommun.se', isProviderAccount: false });
    bertilId = res.json<UserResponse>().id;
    const without = await call('POST', '/api/users', { username: 'cecilia', displayName: 'Cecilia C', role: 'politician', password: 'ett långt lösenord' });
    expect(without.json()).toMatchObject({ email: null });
  });

  it('are changed and cleared under Användare, and each change is in the audit log', async () => {
    expect((await call('PATCH', `/api/users/${bertilId}`, { email: 'bertil@kommun.se' })).json()).toMatchObject({ email: 'bertil@kommun.se' });
    expect((await call('PATCH', `/api/users/${bertilId}`, { email: '' })).json()).toMatchObject({ email: null });
    const log = (await call('GET', '/api/audit?entity=user')).json<AuditEntry[]>().filter((e) => e.entityId === String(bertilId));
    expect(log[0]).toMatchObject({ action: 'update', before: { email: 'bertil@kommun.se' }, after: { email: null } });
  });

  it('must be an e-mail address: a wrong one is refused, naming the field, and changes nothing', async () => {
    const res = await call('PATCH', `/api/users/${bertilId}`, { email: 'bertil at kommun' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('body.email');
    expect(res.json().error.message).toContain('e-postadress');
    expect((await users()).find((u) => u.id === bertilId)?.email).toBeNull();
  });

  it('are shown to the development manager only: not in /api/auth/me, and /api/users is not for others', async () => {
    const unitManager = await signIn(app, 'enhetschef');
    expect((await call('GET', '/api/auth/me', undefined, unitManager)).json()).not.toHaveProperty('email');
    expect((await call('GET', '/api/users', undefined, unitManager)).statusCode).toBe(403);
  });
});

describe('migration 014 on an existing demo database', () => {
  it('gives the demo accounts their addresses, and leaves other accounts without one', () => {
    const all = fileURLToPath(new URL('../../migrations/', import.meta.url));
    const before = mkdtempSync(join(tmpdir(), 'tillit-mig-'));
    for (const file of readdirSync(all).filter((f) => f < '014')) copyFileSync(join(all, file), join(before, file));
    const old = openDatabase(':memory:');
    migrate(old, before);
    const now = new Date().toISOString();
    const insert = old.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, 'politician', 'x', ?, ?)");
    for (const username of ['utvecklingschef', 'politiker', 'anna']) insert.run(username, username, now, now);
    old.prepare("INSERT INTO app_meta (key, value) VALUES ('demo_data', ?)").run(now);
    expect(migrate(old)).toEqual(expect.arrayContaining(['014_sign_in_provider.sql']));
    expect(old.prepare('SELECT username, email FROM users ORDER BY username').all()).toEqual([
      { username: 'anna', email: null },
      { username: 'politiker', email: 'politiker@example.org' },
      { username: 'utvecklingschef', email: 'utvecklingschef@example.org' },
    ]);
    expect(db.prepare('SELECT count(*) FROM users WHERE oidc_subject IS NOT NULL').pluck().get()).toBe(0);
  });
});
