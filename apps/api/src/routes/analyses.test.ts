import {
  analysesResponseSchema,
  analysisSchema,
  auditEntrySchema,
  publicLinkCreatedSchema,
  reviewResponseSchema,
  summaryResponseSchema,
  type AnalysisBody,
} from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let dm: string;
let um: string;
let politician: string;
beforeAll(async () => {
  ({ app } = await createTestApp());
  dm = await signIn(app, 'utvecklingschef');
  um = await signIn(app, 'enhetschef');
  politician = await signIn(app, 'politiker');
});
afterAll(() => app.close());

const json = { 'content-type': 'application/json' };
const put = (payload: unknown, cookie = dm) => app.inject({ method: 'PUT', url: '/api/analyses', headers: { cookie, ...json }, payload: JSON.stringify(payload) });
const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
async function save(body: AnalysisBody) {
  const res = await put(body);
  expect(res.statusCode, res.body).toBe(200);
  return analysisSchema.parse(res.json());
}
async function summaryMetric(url: string, key: string, cookie?: string) {
  const res = await get(url, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return summaryResponseSchema.parse(res.json()).metrics.find((m) => m.key === key)!;
}
async function analysisEntries() {
  const res = await get('/api/audit?limit=500&entity=analysis', dm);
  expect(res.statusCode, res.body).toBe(200);
  return z.array(auditEntrySchema).parse(res.json());
}

const SICK = { unitId: 'soc', metricKey: 'manager_sick_leave', year: 2025 } as const;

describe('PUT /api/analyses: draft, publish, versions', () => {
  it('keeps a draft out of the summary and the public link, and shows it there once published', async () => {
    const link = await app.inject({ method: 'POST', url: '/api/public-links', headers: { cookie: dm, ...json }, payload: { label: 'Nämnden' } });
    const { token } = publicLinkCreatedSchema.parse(link.json());

    const draft = await save({ ...SICK, text: 'Utkast: sjukfrånvaron sjunker, men två områden sticker ut.', status: 'draft' });
    expect(draft).toMatchObject({ status: 'draft', version: 1, published: null, history: [], updatedBy: 'Utvecklingschef (demo)' });
    for (const [url, cookie] of [['/api/summary', politician], [`/api/public/${token}/summary`, undefined]] as const) {
      const m = await summaryMetric(url, 'manager_sick_leave', cookie);
      expect(m.analysis, url).toBeNull();
      expect(JSON.stringify(m), url).not.toContain('Utkast');
    }

    const published = await save({ ...SICK, text: 'Sjukfrånvaron bland chefer fortsätter att sjunka.', status: 'published' });
    expect(published).toMatchObject({ status: 'published', version: 2, published: { text: 'Sjukfrånvaron bland chefer fortsätter att sjunka.', version: 2 } });
    expect(published.history).toEqual([expect.objectContaining({ version: 1, status: 'draft', text: draft.text })]);
    for (const [url, cookie] of [['/api/summary', politician], [`/api/public/${token}/summary`, undefined]] as const) {
      const m = await summaryMetric(url, 'manager_sick_leave', cookie);
      expect(m.analysis, url).toEqual({ text: 'Sjukfrånvaron bland chefer fortsätter att sjunka.', year: 2025, publishedAt: published.updatedAt });
    }

    // A newer draft does not replace what the committee reads until it is published.
    const redraft = await save({ ...SICK, text: 'Utkast två: ny text på gång.', status: 'draft' });
    expect(redraft).toMatchObject({ status: 'draft', version: 3, published: { version: 2 } });
    const m = await summaryMetric('/api/summary', 'manager_sick_leave', politician);
    expect(m.analysis?.text).toBe('Sjukfrånvaron bland chefer fortsätter att sjunka.');
    expect(JSON.stringify(await get('/api/summary', politician).then((r) => r.json()))).not.toContain('Utkast två');
    // An area's summary has no analysis of its own.
    expect((await summaryMetric('/api/summary?unit=hemtjanst', 'manager_sick_leave', politician)).analysis).toBeNull();
  });

  it('audits every save that changes something, and writes nothing for the same text again', async () => {
    const body = { unitId: 'hemtjanst', metricKey: 'staff_turnover', year: 2025, text: 'Personalomsättningen är stabil.', status: 'draft' } as const;
    const before = (await analysisEntries()).length;
    const first = await save(body);
    const again = await save(body);
    expect(again.version).toBe(first.version);
    expect((await analysisEntries()).length).toBe(before + 1);
    await save({ ...body, status: 'published' });
    const [latest, earlier] = await analysisEntries();
    expect(latest).toMatchObject({ action: 'publish', entity: 'analysis', entityId: String(first.id), username: 'utvecklingschef' });
    expect(latest!.before).toMatchObject({ version: 1, status: 'draft', text: body.text });
    expect(latest!.after).toMatchObject({ version: 2, status: 'published', unitId: 'hemtjanst', metricKey: 'staff_turnover', year: 2025 });
    expect(earlier).toMatchObject({ action: 'save_draft', before: null });
  });

  it('GET /api/analyses gives a unit’s year with drafts and history, and the review carries the same', async () => {
    const list = analysesResponseSchema.parse((await get('/api/analyses?unit=soc&year=2025', dm)).json());
    expect(list.map((a) => a.metricKey)).toEqual(['manager_sick_leave']);
    expect(list[0]!.history.map((h) => h.version)).toEqual([2, 1]);
    const review = reviewResponseSchema.parse((await get('/api/review?year=2025', dm)).json());
    expect(review.metrics.find((m) => m.metricKey === 'manager_sick_leave')!.analysis).toEqual(list[0]);
    expect(review.metrics.find((m) => m.metricKey === 'staff_turnover')!.analysis).toBeNull();
    expect(analysesResponseSchema.parse((await get('/api/analyses?unit=soc&year=2024', dm)).json())).toEqual([]);
  });

  it('is the development manager’s alone: 403 for a unit manager and a politician, 401 signed out', async () => {
    const body = { ...SICK, text: 'Inte min att skriva.', status: 'published' };
    for (const cookie of [um, politician]) {
      expect((await put(body, cookie)).statusCode).toBe(403);
      expect((await get('/api/analyses?unit=soc&year=2025', cookie)).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'PUT', url: '/api/analyses', headers: json, payload: JSON.stringify(body) })).statusCode).toBe(401);
    expect((await summaryMetric('/api/summary', 'manager_sick_leave', politician)).analysis?.text).not.toBe('Inte min att skriva.');
  });

  it('takes plain text under the notes’ rules, and says which field is wrong', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...SICK, text: '   ', status: 'draft' }, 'body.text'],
      [{ ...SICK, text: 'x'.repeat(4001), status: 'draft' }, 'body.text'],
      [{ ...SICK, text: 'klocka\u0007', status: 'draft' }, 'body.text'],
      [{ ...SICK, text: 'Bra', status: 'final' }, 'body.status'],
      [{ ...SICK, year: 1989, text: 'Bra', status: 'draft' }, 'body.year'],
      [{ ...SICK, unitId: 'finns-inte', text: 'Bra', status: 'draft' }, 'body.unitId'],
      [{ ...SICK, metricKey: 'finns_inte', text: 'Bra', status: 'draft' }, 'body.metricKey'],
    ];
    for (const [body, path] of cases) {
      const res = await put(body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path), path).toContain(path);
    }
    // Markup is text: stored and given back as typed, never as HTML.
    const markup = await save({ ...SICK, year: 2024, text: '<b>Viktigt</b> & <script>x</script>', status: 'draft' });
    expect(markup.text).toBe('<b>Viktigt</b> & <script>x</script>');
  });
});
