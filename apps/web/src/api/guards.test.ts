import { dataNeedStatsSchema, errorEnvelopeSchema, healthResponseSchema, meResponseSchema, unitsResponseSchema } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { ApiError, CLIENT_ERROR_CODES, createApiClient } from './client';
import { checked, isDataNeedStats, isErrorEnvelope, isHealth, isMe, isUnitTree, isUnreadFlags, noContent, signedOut } from './guards';

/** Each hand-written check must say yes exactly where the shared zod schema does. */
function agreesWithSchema(guard: (v: unknown) => boolean, schema: { safeParse: (v: unknown) => { success: boolean } }, samples: unknown[]) {
  for (const sample of samples) expect(guard(sample), JSON.stringify(sample)).toBe(schema.safeParse(sample).success);
}

const me = { username: 'enhetschef', displayName: 'Elin Enhetschef', role: 'unit_manager', unitIds: ['hemtjanst'] };
const leaf = { id: 'soc-a', name: 'A', kind: 'unit', parentId: 'soc', validFrom: null, validTo: '2021-12-31', children: [] };
const tree = [{ id: 'soc', name: 'Socialförvaltningen', kind: 'department', parentId: null, validFrom: null, validTo: null, children: [leaf] }];

describe('the hand-written checks of the answers every page needs', () => {
  it('agree with the shared schemas on who is signed in', () => {
    agreesWithSchema(isMe, meResponseSchema, [
      me,
      { ...me, unitIds: [] },
      { ...me, role: 'admin' },
      { ...me, unitIds: [7] },
      { ...me, displayName: null },
      { username: 'x' },
      null,
      '<!doctype html>',
      undefined,
    ]);
  });

  it('agree on the health status, the error envelope and the figures of the questions', () => {
    agreesWithSchema(isHealth, healthResponseSchema, [
      { status: 'ok', version: '0.1.0', isDemo: true },
      { status: 'ok', version: 1, isDemo: true },
      { status: 'down', version: '0.1.0', isDemo: false },
      { status: 'ok', version: '0.1.0' },
    ]);
    const error = { code: 'NOT_FOUND', message: 'Finns inte', requestId: 'req-1' };
    agreesWithSchema(isErrorEnvelope, errorEnvelopeSchema, [
      { error },
      { error: { ...error, details: [{ path: 'metric', message: 'okänd' }] } },
      { error: { ...error, details: [{ path: 1, message: 'okänd' }] } },
      { error: { code: 'X', message: 'no request id' } },
      { message: 'not an envelope' },
    ]);
    const byStatus = { received: 2, considering: 0, planned: 0, added: 1, declined: 0 };
    const stats = { total: 3, open: 2, unanswered: 1, medianDaysToReply: null, byStatus };
    agreesWithSchema(isDataNeedStats, dataNeedStatsSchema, [
      stats,
      { ...stats, medianDaysToReply: 2.5 },
      { ...stats, unanswered: 1.5 },
      { ...stats, byStatus: { ...byStatus, received: 'two' } },
      { ...stats, byStatus: { received: 2, added: 1 } },
      { ...stats, byStatus: { ...byStatus, lost: 1 } },
      { total: 3 },
    ]);
  });

  it('agree on the organisation tree, down to its leaves', () => {
    agreesWithSchema(isUnitTree, unitsResponseSchema, [
      tree,
      [],
      [{ ...tree[0], kind: 'team' }],
      [{ ...tree[0], children: [{ ...leaf, validTo: 2021 }] }],
      [{ ...tree[0], children: undefined }],
      { ...tree[0] },
    ]);
  });

  it('read only the unread flag of the questions, for the menu', () => {
    expect(isUnreadFlags([{ id: 1, isUnread: true }, { id: 2, isUnread: false }])).toBe(true);
    expect(isUnreadFlags([{ id: 1 }])).toBe(false);
    expect(isUnreadFlags({ isUnread: true })).toBe(false);
  });
});

describe('the client with a hand-written check', () => {
  const answering = (body: string | null, status = 200) => createApiClient({ fetch: async () => new Response(body, { status }) });

  it('returns an answer that passes', async () => {
    await expect(answering(JSON.stringify(me)).get('/api/auth/me', checked(isMe, 'the signed-in person'))).resolves.toEqual(me);
    await expect(answering(null, 204).send('POST', '/api/auth/logout', noContent)).resolves.toBeUndefined();
  });

  it("reads a sign-out's answer: nothing, or where to sign out at the identity provider", async () => {
    await expect(answering(null, 204).send('POST', '/api/auth/logout', signedOut)).resolves.toBeUndefined();
    const endSessionUrl = 'https://idp.kommun.se/logout?post_logout_redirect_uri=https%3A%2F%2Ftillit.kommun.se';
    await expect(answering(JSON.stringify({ endSessionUrl })).send('POST', '/api/auth/logout', signedOut)).resolves.toEqual({ endSessionUrl });
    await expect(answering(JSON.stringify({ url: 1 })).send('POST', '/api/auth/logout', signedOut)).rejects.toBeInstanceOf(ApiError);
  });

  it('refuses one that does not, as it does with a schema', async () => {
    const error = await answering('<!doctype html><p>proxy</p>').get('/api/auth/me', checked(isMe, 'the signed-in person')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, code: CLIENT_ERROR_CODES.invalidResponse });
    expect((error as ApiError).details).toEqual([{ path: '', message: 'Expected the signed-in person' }]);
  });
});
