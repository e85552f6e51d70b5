import {
  describeTargetText,
  formatMetricValue,
  publicLinkCreatedSchema,
  publicLinksResponseSchema,
  sentenceAmount,
  sentenceValue,
  summaryResponseSchema,
  type Language,
  type SummaryMetricResponse,
  type SummaryResponse,
  type UnitTreeNode,
} from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { hashToken } from '../services/auth.js';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let db: Db;
let dm: string;
let politician: string;
beforeAll(async () => {
  ({ app, db } = await createTestApp());
  dm = await signIn(app, 'utvecklingschef');
  politician = await signIn(app, 'politiker');
});
afterAll(() => app.close());

const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const json = { 'content-type': 'application/json' };

async function summary(url: string, cookie?: string): Promise<SummaryResponse> {
  const res = await get(url, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return summaryResponseSchema.parse(res.json());
}

const metricOf = (s: SummaryResponse, key: string): SummaryMetricResponse => s.metrics.find((m) => m.key === key)!;

async function createLink(label: string) {
  const res = await app.inject({ method: 'POST', url: '/api/public-links', headers: { cookie: dm, ...json }, payload: { label } });
  expect(res.statusCode, res.body).toBe(201);
  return publicLinkCreatedSchema.parse(res.json());
}

describe('GET /api/summary', () => {
  it('tells the department that sick leave among managers fell from the real 3,42 % in 2019', async () => {
    const s = await summary('/api/summary', politician);
    expect(s.unit).toMatchObject({ id: 'soc', name: 'Socialförvaltningen' });
    expect(s.areas.map((a) => a.id)).toEqual(expect.arrayContaining(['vob', 'hemtjanst', 'ifo', 'funktionsstod', 'hsl']));
    const sick = metricOf(s, 'manager_sick_leave');
    const [trend] = sick.sentences.sv;
    expect(trend).toMatch(/^Sjukfrånvaron bland chefer har minskat från 3,42\u00a0% 2019 till \d,\d\d\u00a0% 2025\.$/);
    expect(sick.sentences.en[0]).toMatch(/^Sick leave among managers has fallen from 3\.42% in 2019 to \d\.\d\d% in 2025\.$/);
    expect(sick.first).toMatchObject({ year: 2019, suppressed: false });
    expect(formatMetricValue(sick, sick.first!.value!, 'sv')).toBe('3,42\u00a0%');
    const y2024 = sick.points.find((p) => p.year === 2024)!;
    expect(formatMetricValue(sick, y2024.value!, 'sv')).toBe('2,11\u00a0%');
    expect(y2024.isSynthetic).toBe(false);
    expect(sick.points.find((p) => p.year === 2025)!.isSynthetic).toBe(true);
    expect(sick.latest?.year).toBe(2025);
    expect(sick.target).toEqual({ min: null, max: 2.5 });
    expect(sick.isTargetMet).toBe(true);
    expect(sick.sentences.sv).toContain('Målet för 2025 är högst 2,50\u00a0%, och det nås.');
    expect(sick.principles.map((p) => p.key)).toEqual(expect.arrayContaining(['stod', 'tillit']));
    expect(sick.principles[0]!.name.sv).toBeTruthy();
  });

  it('says when the data were last updated and the latest year', async () => {
    const s = await summary('/api/summary', politician);
    expect(s.latestYear).toBe(2025);
    expect(s.dataUpdatedAt).not.toBeNull();
    expect(Date.parse(s.dataUpdatedAt!)).toBeLessThanOrEqual(Date.parse(s.generatedAt));
    expect(s.isDemo).toBe(true);
  });

  it('gives an area when asked, and 400 for an unknown unit', async () => {
    const s = await summary('/api/summary?unit=ifo', politician);
    expect(s.unit.id).toBe('ifo');
    expect(s.root.id).toBe('soc');
    expect((await get('/api/summary?unit=nope', politician)).statusCode).toBe(400);
  });

  it('is read by every signed-in role and by nobody signed out', async () => {
    expect((await get('/api/summary', dm)).statusCode).toBe(200);
    expect((await get('/api/summary', await signIn(app, 'enhetschef'))).statusCode).toBe(200);
    expect((await get('/api/summary')).statusCode).toBe(401);
  });

  it('never lets a suppressed number out, for any unit of the organisation', async () => {
    const tree = (await get('/api/units', politician)).json() as UnitTreeNode[];
    const ids: string[] = [];
    const walk = (n: UnitTreeNode) => {
      ids.push(n.id);
      n.children.forEach(walk);
    };
    tree.forEach(walk);
    const isLeaf = new Set(ids.filter((id) => !tree.some(function has(n): boolean {
      return (n.id === id && n.children.length > 0) || n.children.some(has);
    })));
    let hiddenSeen = 0;
    for (const id of ids) {
      const s = await summary(`/api/summary?unit=${id}`, politician);
      for (const m of s.metrics) {
        for (const p of m.points.filter((x) => x.suppressed)) {
          hiddenSeen++;
          expect(p.value, `${id} ${m.key} ${p.year}`).toBeNull();
          expect(p.source).toBeNull();
          for (const lang of ['sv', 'en'] as const) {
            // The real figure behind the hidden one, straight from the database (leaf units
            // report their own figures), must not be spoken of unless a shown year has it too.
            if (!isLeaf.has(id)) continue;
            const raw = rawValue(id, m.key, p.year);
            if (raw === null) continue;
            const secret = formatMetricValue(m, raw, lang);
            const alsoShown = m.points.some((q) => q.value !== null && formatMetricValue(m, q.value, lang) === secret);
            // The target may happen to equal it; that number is the target's, not the figure's.
            const spoken = m.sentences[lang].join(' ').split(describeTargetText(m, lang) ?? '\u0000').join(' ');
            if (!alsoShown) expect(spoken, `${id} ${m.key} ${p.year}`).not.toMatch(asNumber(secret));
          }
        }
        for (const f of [m.latest, m.previous, m.first]) if (f?.suppressed) expect(f.value).toBeNull();
        if (m.latest?.suppressed || m.latest === null) {
          expect(m.changeSinceLastYear).toBeNull();
          expect(m.changeSinceFirst).toBeNull();
          expect(m.isTargetMet).toBeNull();
        }
        if (m.previous?.suppressed) expect(m.changeSinceLastYear).toBeNull();
        for (const lang of ['sv', 'en'] as const) expectOnlyShownNumbers(m, lang, `${id} ${m.key}`);
      }
    }
    expect(hiddenSeen).toBeGreaterThan(0);
  });
});

/** A formatted number standing alone, not the tail of another (`0 %` is not in `50 %`). */
const asNumber = (formatted: string) => new RegExp(`(?<![\\d,.\u2212+-])${formatted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);

/** A leaf unit's own figure, unsuppressed, as the database holds it. */
function rawValue(unitId: string, metricKey: string, year: number): number | null {
  const row = db
    .prepare('SELECT numerator_c, denominator_c FROM metric_values WHERE unit_id = ? AND metric_key = ? AND year = ?')
    .get(unitId, metricKey, year) as { numerator_c: number; denominator_c: number } | undefined;
  if (!row) return null;
  const scale = (db.prepare('SELECT scale FROM metrics WHERE key = ?').pluck().get(metricKey) as string) === 'percent' ? 100 : 1;
  return (row.numerator_c / row.denominator_c) * scale;
}

/** Every number in the sentences is a year, a shown value, the change between shown values or the target. */
function expectOnlyShownNumbers(m: SummaryMetricResponse, lang: Language, label: string) {
  const shown = m.points.filter((p) => !p.suppressed && p.value !== null).map((p) => p.value!);
  const allowed = [
    describeTargetText(m, lang),
    ...shown.map((v) => sentenceValue(m, v, lang)),
    ...shown.map((v) => formatMetricValue(m, v, lang)),
    m.changeSinceLastYear === null ? null : sentenceAmount(m, m.changeSinceLastYear, lang),
    ...m.points.map((p) => String(p.year)),
  ].filter((a): a is string => a !== null);
  let rest = m.sentences[lang].join(' ');
  for (const a of allowed.sort((x, y) => y.length - x.length)) rest = rest.split(a).join(' ');
  expect(rest, label).not.toMatch(/\d/);
}

describe('public links', () => {
  it('lets only the development manager create, list and revoke them', async () => {
    const post = await app.inject({
      method: 'POST',
      url: '/api/public-links',
      headers: { cookie: politician, ...json },
      payload: { label: 'Försök' },
    });
    expect(post.statusCode).toBe(403);
    expect((await get('/api/public-links', politician)).statusCode).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: '/api/public-links/1', headers: { cookie: politician } })).statusCode).toBe(403);
  });

  it('asks for a label', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/public-links', headers: { cookie: dm, ...json }, payload: { label: '  ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.label');
  });

  it('opens the same summary anonymously, and stops working once revoked', async () => {
    const link = await createLink('Socialnämnden, mars');
    expect(link.path).toBe(`/p/${link.token}`);
    expect(link.url).toMatch(new RegExp(`^http://[^/]+/p/${link.token}$`));
    expect(link.token.length).toBeGreaterThanOrEqual(43);

    const res = await get(`/api/public/${link.token}/summary`);
    expect(res.statusCode).toBe(200);
    // No session: a cache may keep it, but must ask again each time (a revoked link stops at once).
    expect(res.headers['cache-control']).toBe('no-cache');
    const anonymous = summaryResponseSchema.parse(res.json());
    const signedIn = await summary('/api/summary', politician);
    const strip = (s: SummaryResponse) => ({ ...s, generatedAt: '' });
    expect(strip(anonymous)).toEqual(strip(signedIn));
    expect((await summary(`/api/public/${link.token}/summary?unit=hsl`)).unit.id).toBe('hsl');

    const revoke = await app.inject({ method: 'DELETE', url: `/api/public-links/${link.id}`, headers: { cookie: dm } });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    const after = await get(`/api/public/${link.token}/summary`);
    expect(after.statusCode).toBe(404);
    expect(after.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for an unknown or mistyped token', async () => {
    expect((await get(`/api/public/${'x'.repeat(43)}/summary`)).statusCode).toBe(404);
    expect((await get('/api/public/short/summary')).statusCode).toBe(404);
    expect((await get(`/api/public/${'%2F'.repeat(5)}/summary`)).statusCode).toBe(404);
  });

  it('lists links without tokens, and revoking twice changes nothing', async () => {
    const link = await createLink('Till revisorerna');
    const list = await get('/api/public-links', dm);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(link.token);
    const parsed = publicLinksResponseSchema.parse(list.json());
    const listed = parsed.find((l) => l.id === link.id)!;
    expect(listed).toEqual({ id: link.id, label: 'Till revisorerna', showAuthors: false, createdBy: 'Utvecklingschef (demo)', createdAt: link.createdAt, revokedAt: null });
    expect(Object.keys(list.json()[0] as object).sort()).toEqual(['createdAt', 'createdBy', 'id', 'label', 'revokedAt', 'showAuthors']);

    const first = await app.inject({ method: 'DELETE', url: `/api/public-links/${link.id}`, headers: { cookie: dm } });
    const second = await app.inject({ method: 'DELETE', url: `/api/public-links/${link.id}`, headers: { cookie: dm } });
    expect(second.json().revokedAt).toBe(first.json().revokedAt);
    expect((await app.inject({ method: 'DELETE', url: '/api/public-links/99999', headers: { cookie: dm } })).statusCode).toBe(404);
  });

  it('stores only a hash of the token and audits without it', async () => {
    const link = await createLink('Hashkontroll');
    const row = db.prepare('SELECT * FROM public_links WHERE id = ?').get(link.id) as Record<string, unknown>;
    expect(row.token_hash).toBe(hashToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
    const dump = JSON.stringify(db.prepare('SELECT * FROM public_links').all());
    expect(dump).not.toContain(link.token);

    const audit = db.prepare("SELECT action, before_json, after_json, username FROM audit_log WHERE entity = 'public_link' AND entity_id = ?").all(String(link.id)) as {
      action: string;
      before_json: string | null;
      after_json: string;
      username: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(audit[0]!.username).toBe('utvecklingschef');
    const everything = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toContain(link.token);
    expect(everything).not.toContain(hashToken(link.token));
  });
});

describe('public annotations in the summary', () => {
  it('shows public first notes, for the unit asked for, and never internal ones or replies', async () => {
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/annotations', headers: { cookie: dm, ...json }, payload });
    const note = { unitId: 'soc', metricKey: 'manager_sick_leave', year: 2021, yearTo: 2022 };
    const pub = await post({ ...note, text: 'Chefsstödet infördes 2021.', visibility: 'public' });
    expect(pub.statusCode, pub.body).toBe(201);
    expect((await post({ ...note, text: 'Internt: två långa sjukskrivningar.', visibility: 'internal' })).statusCode).toBe(201);
    const reply = await app.inject({
      method: 'POST',
      url: `/api/annotations/${pub.json().id}/replies`,
      headers: { cookie: dm, ...json },
      payload: { text: 'Svar som inte ska synas.' },
    });
    expect(reply.statusCode).toBe(201);

    const link = await createLink('Anteckningar');
    const readers = [
      { s: await summary('/api/summary', politician), author: { displayName: 'Utvecklingschef (demo)' } },
      // A public link names no one unless the development manager turns names on for it.
      { s: await summary(`/api/public/${link.token}/summary`), author: null },
    ];
    await app.inject({ method: 'PATCH', url: `/api/public-links/${link.id}`, headers: { cookie: dm, ...json }, payload: { showAuthors: true } });
    readers.push({ s: await summary(`/api/public/${link.token}/summary`), author: { displayName: 'Utvecklingschef (demo)' } });
    for (const { s, author } of readers) {
      const notes = metricOf(s, 'manager_sick_leave').annotations;
      expect(notes.map((n) => n.text)).toEqual(['Chefsstödet infördes 2021.']);
      expect(notes[0]).toMatchObject({ yearFrom: 2021, yearTo: 2022, unitName: 'Socialförvaltningen', author });
      expect(JSON.stringify(s)).not.toMatch(/Internt|Svar som inte/);
      expect(metricOf(s, 'staff_turnover').annotations).toEqual([]);
    }
    expect(metricOf(await summary('/api/summary?unit=ifo', politician), 'manager_sick_leave').annotations).toEqual([]);
  });
});
