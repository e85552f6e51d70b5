import {
  reorganisationSchema,
  reorganisationsResponseSchema,
  sumQuantities,
  unitImportPreviewSchema,
  valuesResponseSchema,
  type Point,
} from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { DEMO_MERGER } from '../demo/generate.js';
import { createTestApp, signIn } from '../test-app.js';

let app: FastifyInstance;
let db: Db;
let dm: string;

beforeAll(async () => {
  ({ app, db } = await createTestApp());
  dm = await signIn(app, 'utvecklingschef');
});
afterAll(() => app.close());

type Method = 'GET' | 'POST' | 'PATCH';
const call = (method: Method, url: string, payload?: unknown, cookie = dm) =>
  app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

async function values(metric: string, unit: string) {
  const res = await call('GET', `/api/values?metric=${metric}&unit=${unit}`);
  expect(res.statusCode, res.body).toBe(200);
  return valuesResponseSchema.parse(res.json());
}
const byYear = (points: Point[]) => new Map(points.map((p) => [p.year, p]));

const snapshot = () => ({
  units: db.prepare('SELECT * FROM units ORDER BY id').all(),
  history: db.prepare('SELECT * FROM unit_parent_history ORDER BY 1, 3').all(),
  reorganisations: db.prepare('SELECT count(*) AS n FROM reorganisations').get(),
});
const auditCount = (entity: string) => (db.prepare('SELECT count(*) AS n FROM audit_log WHERE entity = ?').get(entity) as { n: number }).n;

describe('units: create, edit, close', () => {
  it('navigates the open units; closed ones are listed with include=closed and keep their figures', async () => {
    const ids = (tree: { id: string; children: unknown[] }[]): string[] =>
      tree.flatMap((n) => [n.id, ...ids(n.children as { id: string; children: unknown[] }[])]);
    const open = ids((await call('GET', '/api/units')).json());
    const all = ids((await call('GET', '/api/units?include=closed')).json());
    const closed = DEMO_MERGER.predecessors.map((p) => p.id);
    for (const id of closed) {
      expect(open).not.toContain(id);
      expect(all).toContain(id);
    }
    expect((await values('staff_per_manager', closed[0]!)).points.find((p) => p.year === 2019)!.value).not.toBeNull();
  });

  it('creates a unit under an active parent, audited', async () => {
    const before = auditCount('unit');
    const res = await call('POST', '/api/units', { id: 'hemtjanst-ny', name: 'Hemtjänst Ny', kind: 'unit', parentId: 'hemtjanst', validFrom: '2025-01-01' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ id: 'hemtjanst-ny', name: 'Hemtjänst Ny', kind: 'unit', parentId: 'hemtjanst', validFrom: '2025-01-01', validTo: null });
    expect(auditCount('unit')).toBe(before + 1);
    const tree = (await call('GET', '/api/units')).json() as { children: { id: string; children: { id: string }[] }[] }[];
    expect(tree[0]!.children.find((a) => a.id === 'hemtjanst')!.children.map((c) => c.id)).toContain('hemtjanst-ny');
  });

  it('refuses a code that exists (409), a missing parent and a bad period (400), changing nothing', async () => {
    const before = snapshot();
    expect((await call('POST', '/api/units', { id: 'soc', name: 'X', kind: 'unit', parentId: null })).statusCode).toBe(409);
    const missing = await call('POST', '/api/units', { id: 'x1', name: 'X', kind: 'unit', parentId: 'finns-inte' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('body.parentId');
    const period = await call('POST', '/api/units', { id: 'x2', name: 'X', kind: 'unit', parentId: 'ifo', validFrom: '2024-01-01', validTo: '2023-01-01' });
    expect(period.statusCode).toBe(400);
    expect(period.json().error.details[0].path).toBe('body.validTo');
    expect(snapshot()).toEqual(before);
  });

  it('edits a unit, and refuses a cycle', async () => {
    const res = await call('PATCH', '/api/units/hemtjanst-ny', { name: 'Hemtjänst Nya', parentId: 'ifo' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Hemtjänst Nya', parentId: 'ifo' });
    const before = snapshot();
    const cycle = await call('PATCH', '/api/units/soc', { parentId: 'hemtjanst-ny' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'body.parentId' }] });
    expect(cycle.json().error.message).toMatch(/slinga/);
    expect((await call('PATCH', '/api/units/nope', { name: 'X' })).statusCode).toBe(404);
    expect(snapshot()).toEqual(before);
  });

  it('closes a unit, but not a parent with open units under it', async () => {
    const area = await call('POST', '/api/units/ifo/close', { validTo: '2024-12-31' });
    expect(area.statusCode).toBe(400);
    expect(area.json().error.details[0].path).toBe('body.validTo');
    const res = await call('POST', '/api/units/hemtjanst-ny/close', { validTo: '2025-12-31' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().validTo).toBe('2025-12-31');
    expect((await call('POST', '/api/units/hemtjanst-ny/close', { validTo: '2025-12-31' })).statusCode).toBe(409);
  });

  it('lets only the development manager write', async () => {
    const um = await signIn(app, 'enhetschef');
    expect((await call('POST', '/api/units', { id: 'x3', name: 'X', kind: 'unit', parentId: 'ifo' }, um)).statusCode).toBe(403);
    expect((await call('GET', '/api/reorganisations', undefined, um)).statusCode).toBe(200);
  });
});

describe('POST /api/units/import', () => {
  async function upload(text: string, query = '') {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(text, 'latin1')]), 'enheter.csv');
    const res = new Response(form);
    return app.inject({
      method: 'POST',
      url: `/api/units/import${query}`,
      headers: { cookie: dm, 'content-type': res.headers.get('content-type')! },
      payload: Buffer.from(await res.arrayBuffer()),
    });
  }
  const good = ['Kod;Namn;Överordnad;Giltig från;Giltig till', 'IFO-NY;Nya enheten;ifo;2025;', 'ifo-ny-2;Nya enheten 2;ifo-ny;2025-03-01;'];

  it('previews (Swedish Excel CSV, Windows-1252) without writing', async () => {
    const before = snapshot();
    const res = await upload(good.join('\r\n'), '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const preview = unitImportPreviewSchema.parse(res.json());
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((c) => [c.row, c.id, c.action])).toEqual([
      [2, 'ifo-ny', 'create'],
      [3, 'ifo-ny-2', 'create'],
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('writes nothing when one row is bad, and says which row and column', async () => {
    const before = snapshot();
    const res = await upload([...good, 'ifo-ny-3;Tredje;finns-inte;2025;', 'soc;Socialförvaltningen;soc-x;;'].join('\r\n'));
    expect(res.statusCode).toBe(422);
    const { errors } = unitImportPreviewSchema.parse(res.json());
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'överordnad'],
      [5, 'överordnad'],
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('imports every row in one go, parents before children, audited', async () => {
    const res = await upload(good.join('\r\n'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ rowsRead: 2, created: 2, updated: 0, errors: [] });
    expect(db.prepare("SELECT parent_id FROM units WHERE id = 'ifo-ny-2'").pluck().get()).toBe('ifo-ny');
    const again = await upload(['code,name,parent,valid from,valid to', 'ifo-ny,Nya enheten (nytt namn),ifo,2025,'].join('\n'));
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
  });
});

describe('reorganisations and lineage', () => {
  it('the demo’s merger continues Hemtjänst Landsbygd’s trend, with the marker "2 blev 1"', async () => {
    const successor = await values('staff_per_manager', DEMO_MERGER.successor);
    expect(successor.events).toEqual([
      expect.objectContaining({ year: 2022, kind: 'merge', label: '2 blev 1', to: [{ id: DEMO_MERGER.successor, name: 'Hemtjänst Landsbygd' }] }),
    ]);
    const [a, b] = await Promise.all(DEMO_MERGER.predecessors.map((p) => values('staff_per_manager', p.id)));
    const pa = byYear(a!.points);
    const pb = byYear(b!.points);
    for (const p of successor.points) {
      if (p.year >= 2022) continue;
      expect(p.numerator).toBe(sumQuantities([pa.get(p.year)!.numerator!, pb.get(p.year)!.numerator!]));
      expect(p.denominator).toBe(2);
    }
    expect(a!.events[0]!.label).toBe('2 blev 1');
  });

  it('a merger of an area with one of its own units closes both; the area’s other units move to the successor', async () => {
    const own = await createTestApp();
    try {
      const cookie = await signIn(own.app, 'utvecklingschef');
      const res = await own.app.inject({
        method: 'POST',
        url: '/api/reorganisations',
        headers: { cookie },
        payload: { kind: 'merge', year: 2024, from: ['funktionsstod', 'funktionsstod-boendestod'], to: { id: 'fs-ny', name: 'Funktionsstöd (ny)', parentId: 'soc' } },
      });
      expect(res.statusCode, res.body).toBe(201);
      const unit = (id: string) => own.db.prepare('SELECT parent_id, valid_to FROM units WHERE id = ?').get(id);
      expect(unit('funktionsstod')).toEqual({ parent_id: 'soc', valid_to: '2023-12-31' });
      expect(unit('funktionsstod-boendestod')).toEqual({ parent_id: 'funktionsstod', valid_to: '2023-12-31' });
      expect(unit('funktionsstod-servicebostader')).toEqual({ parent_id: 'fs-ny', valid_to: null });
    } finally {
      await own.app.close();
    }
  });

  it('registers a merger with a new successor in one transaction; the trend continues, suppression holds', async () => {
    const from = ['hsl-rehab-oster', 'hsl-rehab-vaster'];
    const sick = await Promise.all(from.map((id) => values('staff_turnover', id)));
    const res = await call('POST', '/api/reorganisations', {
      kind: 'merge',
      year: 2024,
      note: 'Rehab samlas',
      from,
      to: { id: 'hsl-rehab', name: 'Rehab' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = reorganisationSchema.parse(res.json());
    expect(created).toMatchObject({ kind: 'merge', year: 2024, label: '2 blev 1', createdBy: 'utvecklingschef' });
    expect(db.prepare("SELECT parent_id, valid_from FROM units WHERE id = 'hsl-rehab'").get()).toEqual({ parent_id: 'hsl', valid_from: '2024-01-01' });
    expect(db.prepare("SELECT valid_to FROM units WHERE id = 'hsl-rehab-oster'").pluck().get()).toBe('2023-12-31');
    expect(auditCount('reorganisation')).toBeGreaterThan(0);

    // Staff turnover is shown for groups this size: the successor's earlier years are the sum.
    const after = await values('staff_turnover', 'hsl-rehab');
    expect(after.events.map((e) => e.label)).toEqual(['2 blev 1']);
    const parts = sick.map((s) => byYear(s.points));
    for (const p of after.points.filter((x) => x.year < 2024)) {
      const both = parts.map((m) => m.get(p.year)!);
      if (both.some((x) => x.suppressed)) continue;
      expect(p.numerator).toBe(sumQuantities(both.map((x) => x.numerator!)));
      expect(p.denominator).toBe(sumQuantities(both.map((x) => x.denominator!)));
    }
    expect(after.points.filter((x) => x.year < 2024 && x.value !== null).length).toBeGreaterThan(0);

    // Manager sick leave of two managers is a small group: hidden, with the reason, no figures.
    const sickLeave = await values('manager_sick_leave', 'hsl-rehab');
    for (const p of sickLeave.points.filter((x) => x.year < 2024)) {
      expect(p).toMatchObject({ suppressed: true, value: null, numerator: null, denominator: null, source: null });
    }
    // The area's total is the same as before, and still shown.
    const area = byYear((await values('manager_sick_leave', 'soc')).points);
    expect(area.get(2019)!.value).toBeCloseTo(3.42, 2);

    const list = reorganisationsResponseSchema.parse((await call('GET', '/api/reorganisations')).json());
    expect(list.reorganisations[0]!.id).toBe(created.id);
  });

  it('renames and moves with a marker, and refuses bad reorganisations without writing', async () => {
    const rename = await call('POST', '/api/reorganisations', { kind: 'rename', year: 2023, unitId: 'hsl-demensteamet', newName: 'Demens- och minnesteamet' });
    expect(rename.statusCode, rename.body).toBe(201);
    expect(rename.json().label).toBe('Hette tidigare Demensteamet');
    const fsBefore = byYear((await values('staff_per_manager', 'funktionsstod')).points);
    const move = await call('POST', '/api/reorganisations', { kind: 'move', year: 2023, unitId: 'hsl-hjalpmedel', parentId: 'funktionsstod' });
    expect(move.statusCode, move.body).toBe(201);
    expect(move.json().label).toBe('Flyttad från Hälso- och sjukvård till Funktionsstöd');
    // Before the move its figures still count in its old area; from 2023 in the new one.
    const unit = byYear((await values('staff_per_manager', 'hsl-hjalpmedel')).points);
    const fsAfter = byYear((await values('staff_per_manager', 'funktionsstod')).points);
    expect(fsAfter.get(2022)!.numerator).toBe(fsBefore.get(2022)!.numerator);
    expect(fsAfter.get(2023)!.numerator).toBe(sumQuantities([fsBefore.get(2023)!.numerator!, unit.get(2023)!.numerator!]));
    expect(db.prepare("SELECT parent_id FROM unit_parent_history WHERE unit_id = 'hsl-hjalpmedel'").pluck().get()).toBe('hsl');

    const before = snapshot();
    const bad = [
      { kind: 'merge', year: 2024, from: ['hsl-rehab-oster', 'ifo-vuxenenheten'], to: { id: 'x-new', name: 'X' } },
      { kind: 'merge', year: 2024, from: ['ifo-vuxenenheten', 'ifo-beroendeenheten'], to: { id: 'soc' } },
      { kind: 'merge', year: 2024, from: ['ifo-vuxenenheten', 'ifo-beroendeenheten'], to: { id: 'x-new' } },
      { kind: 'move', year: 2024, unitId: 'soc', parentId: 'ifo' },
      { kind: 'split', year: 2024, from: 'ifo', to: [{ id: 'ifo-a', name: 'A' }, { id: 'ifo-b', name: 'B' }] },
      { kind: 'rename', year: 1900, unitId: 'ifo', newName: 'X' },
    ];
    for (const body of bad) {
      const res = await call('POST', '/api/reorganisations', body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    expect(snapshot()).toEqual(before);
  });

  it('splits a unit: it closes, the successors start, both carry the marker', async () => {
    const res = await call('POST', '/api/reorganisations', {
      kind: 'split',
      year: 2025,
      from: 'ifo-vuxenenheten',
      to: [
        { id: 'ifo-vuxen-a', name: 'Vuxenenheten A' },
        { id: 'ifo-vuxen-b', name: 'Vuxenenheten B' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await values('staff_per_manager', 'ifo-vuxenenheten')).events[0]!.label).toBe('1 blev 2');
    expect((await values('staff_per_manager', 'ifo-vuxen-b')).events[0]!.label).toBe('1 blev 2');
    expect(db.prepare("SELECT valid_to FROM units WHERE id = 'ifo-vuxenenheten'").pluck().get()).toBe('2024-12-31');
  });
});
