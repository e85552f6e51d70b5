import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestApp, signIn } from '../test-app.js';

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

describe('user administration', () => {
  let annaId: number;

  it('creates a unit manager with units, who can then sign in', async () => {
    const res = await call('POST', '/api/users', {
      username: 'anna.a',
      displayName: 'Anna Andersson',
      role: 'unit_manager',
      unitIds: ['ifo-vuxenenheten'],
      password: 'ett långt lösenord',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    annaId = body.id;
    expect(body).toMatchObject({ username: 'anna.a', role: 'unit_manager', unitIds: ['ifo-vuxenenheten'], isActive: true });
    expect(JSON.stringify(body)).not.toMatch(/argon2|password/i);
    const cookie = await signIn(app, 'anna.a', 'ett långt lösenord');
    expect((await call('GET', '/api/auth/me', undefined, cookie)).json().unitIds).toEqual(['ifo-vuxenenheten']);
  });

  it.each([
    [{ username: 'anna.a', displayName: 'X', role: 'politician', password: 'ett långt lösenord' }, 409, 'upptaget'],
    [{ username: 'b', displayName: 'X', role: 'politician', password: 'ett långt lösenord' }, 400, 'username'],
    [{ username: 'bertil', displayName: 'X', role: 'politician', password: 'kort' }, 400, 'password'],
    [{ username: 'bertil', displayName: 'X', role: 'politician', password: 'elva tecken' }, 400, 'minst tolv tecken'],
    [{ username: 'bertil', displayName: 'X', role: 'politician', password: 'Sommar2024!!' }, 400, 'för vanligt'],
    [{ username: 'bertil', displayName: 'X', role: 'politician', password: 'Bertil-lösen-99' }, 400, 'användarnamnet'],
    [{ username: 'bertil', displayName: 'X', role: 'unit_manager', unitIds: [], password: 'ett långt lösenord' }, 400, 'unitIds'],
    [{ username: 'bertil', displayName: 'X', role: 'unit_manager', unitIds: ['nope'], password: 'ett långt lösenord' }, 400, 'nope'],
    [{ username: 'bertil', displayName: 'X', role: 'kung', password: 'ett långt lösenord' }, 400, 'role'],
  ])('refuses %j with %i, saying why, and creates nothing', async (payload, status, says) => {
    const before = db.prepare('SELECT count(*) FROM users').pluck().get();
    const res = await call('POST', '/api/users', payload);
    expect(res.statusCode).toBe(status);
    expect(JSON.stringify(res.json().error)).toContain(says);
    expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(before);
  });

  it('changes role and units, and ends the changed person’s sessions', async () => {
    const cookie = await signIn(app, 'anna.a', 'ett långt lösenord');
    const res = await call('PATCH', `/api/users/${annaId}`, { role: 'politician' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'politician', unitIds: [] });
    expect((await call('GET', '/api/auth/me', undefined, cookie)).statusCode).toBe(401);
  });

  it('refuses a new password that breaks the policy, naming the field, and keeps the old one', async () => {
    for (const [password, says] of [
      ['elva tecken', 'minst tolv tecken'],
      ['password1234', 'för vanligt'],
      ['anna.a är här 2025', 'användarnamnet'],
    ]) {
      const res = await call('POST', `/api/users/${annaId}/password`, { password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.message).toContain(says);
      expect(JSON.stringify(res.json().error.details)).toContain('body.password');
    }
    await signIn(app, 'anna.a', 'ett långt lösenord');
  });

  it('resets a password: the old one stops working', async () => {
    expect((await call('POST', `/api/users/${annaId}/password`, { password: 'ett nytt långt lösenord' })).statusCode).toBe(204);
    await expect(signIn(app, 'anna.a', 'ett långt lösenord')).rejects.toThrow();
    await expect(signIn(app, 'anna.a', 'ett nytt långt lösenord')).resolves.toMatch(/tillit_session=/);
  });

  it('deactivates an account: it can no longer sign in', async () => {
    expect((await call('PATCH', `/api/users/${annaId}`, { isActive: false })).json().isActive).toBe(false);
    await expect(signIn(app, 'anna.a', 'ett nytt långt lösenord')).rejects.toThrow();
  });

  it('keeps at least one active development manager', async () => {
    const me = (await call('GET', '/api/users')).json().find((u: { username: string }) => u.username === 'utvecklingschef');
    const res = await call('PATCH', `/api/users/${me.id}`, { isActive: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/minst en aktiv utvecklingschef/);
  });

  it('answers an unknown account with 404 and a bad id with 400', async () => {
    expect((await call('PATCH', '/api/users/9999', { displayName: 'X' })).statusCode).toBe(404);
    expect((await call('PATCH', '/api/users/abc', { displayName: 'X' })).statusCode).toBe(400);
  });

  it('records every write in the audit log, without passwords', async () => {
    const log = (await call('GET', '/api/audit?entity=user')).json() as { action: string; entityId: string; username: string }[];
    const anna = log.filter((e) => e.entityId === String(annaId)).map((e) => e.action);
    expect(anna).toEqual(['update', 'reset_password', 'update', 'create']);
    expect(log.every((e) => e.username === 'utvecklingschef')).toBe(true);
    expect(JSON.stringify(log)).not.toMatch(/argon2|långt lösenord/);
  });
});
