import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { figure, previewOf, stored, uploader, windows1252 } from '../import-test-files.js';
import { createTestApp, signIn } from '../test-app.js';

// Issue 17.3: a dry run answers with the stored figures a file would replace. Those may only be
// what every other view shows: a figure hidden there has no number here either.

let app: FastifyInstance;
let db: Db;
let cookie: string;
let upload: ReturnType<typeof uploader>;

beforeAll(async () => {
  ({ app, db } = await createTestApp());
  cookie = await signIn(app, 'utvecklingschef');
  upload = uploader(app, cookie);
});
afterAll(() => app.close());

const HEADER = 'Enhet;Nyckeltal;År;Täljare;Nämnare;Gruppstorlek';
const csv = (...rows: string[]) => windows1252([HEADER, ...rows]);
const YEAR = 2024;

/** A unit whose stored sick-leave figure is hidden (one or two managers' hours), and that figure. */
async function hiddenSickLeave() {
  const units = db.prepare("SELECT id FROM units WHERE kind = 'unit' AND valid_to IS NULL ORDER BY id").pluck().all() as string[];
  for (const unit of units) {
    const own = stored(db, unit, 'manager_sick_leave', YEAR);
    if (own && (await figure(app, cookie, 'manager_sick_leave', unit, YEAR)).suppressed) return { unit, own };
  }
  throw new Error('the demo has no hidden sick-leave figure');
}

describe('the preview’s old figures', () => {
  it('gives no number for a stored figure that is hidden, only the reason', async () => {
    const { unit, own } = await hiddenSickLeave();
    const p = await previewOf(await upload(csv(`${unit};manager_sick_leave;${YEAR};1;100;1`), 'probe.csv', { dryRun: true }));
    expect(p.changes).toEqual([{ unitId: unit, metricKey: 'manager_sick_leave', year: YEAR, old: null, oldReason: 'small_group', new: { numerator: 1, denominator: 100 } }]);
    expect(JSON.stringify(p)).not.toContain(`"numerator":${own.numerator}`);
  });

  it('lists a row equal to a hidden figure as a change too, so that a dry run cannot test a guess', async () => {
    const { unit, own } = await hiddenSickLeave();
    const guess = await previewOf(await upload(csv(`${unit};manager_sick_leave;${YEAR};${String(own.numerator).replace('.', ',')};${String(own.denominator).replace('.', ',')};1`), 'guess.csv', { dryRun: true }));
    expect(guess).toMatchObject({ changesTotal: 1, changes: [{ unitId: unit, old: null, oldReason: 'small_group' }] });
  });

  it('gives the stored figure where every view shows it, equal to /api/values', async () => {
    const unit = 'hemtjanst-hemtjanst-oster';
    const shown = await figure(app, cookie, 'staff_turnover', unit, YEAR);
    expect(shown.suppressed).toBe(false);
    const p = await previewOf(await upload(csv(`${unit};staff_turnover;${YEAR};1;20;`), 'shown.csv', { dryRun: true }));
    expect(p.changes[0]).toMatchObject({ old: { numerator: shown.numerator, denominator: shown.denominator }, oldReason: null });
    // The same figure again is no change.
    const same = await previewOf(await upload(csv(`${unit};staff_turnover;${YEAR};${shown.numerator};${shown.denominator};`), 'same.csv', { dryRun: true }));
    expect(same).toMatchObject({ changesTotal: 0, changes: [] });
  });

  it('gives no number for a parent’s own figure, which is never shown apart from its units’', async () => {
    const year = new Date().getFullYear();
    const first = await upload(csv(`Ekbacken;staff_turnover;${year};2;30;`, `Vård- och omsorgsboende;staff_turnover;${year};1;12;`), 'own.csv', { fields: { parentRows: 'own' } });
    expect(first.statusCode).toBe(201);
    expect(stored(db, 'vob', 'staff_turnover', year)).toMatchObject({ numerator: 1, denominator: 12 });
    const p = await previewOf(await upload(csv(`Vård- och omsorgsboende;staff_turnover;${year};2;12;`), 'own2.csv', { dryRun: true, fields: { parentRows: 'own' } }));
    expect(p.changes).toEqual([expect.objectContaining({ unitId: 'vob', old: null, oldReason: 'part_of_total' })]);
  });
});

describe('audit of previews', () => {
  it('records each dry run with file name and counts, never figures; a refused file writes nothing, the log included', async () => {
    db.prepare("DELETE FROM audit_log WHERE entity = 'import_preview'").run();
    await upload(csv(`hemtjanst-hemtjanst-oster;staff_turnover;${YEAR};7;70;`), 'titt.csv', { dryRun: true });
    const audited = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = audited();
    expect((await upload(csv(`hemtjanst-hemtjanst-oster;staff_turnover;${YEAR};x;70;`), 'fel.csv')).statusCode).toBe(422);
    expect(audited()).toBe(before);
    const rows = db.prepare("SELECT action, username, entity_id, after_json FROM audit_log WHERE entity = 'import_preview' ORDER BY id").all() as {
      action: string;
      username: string;
      entity_id: string | null;
      after_json: string;
    }[];
    expect(rows.map((r) => [r.action, r.username, JSON.parse(r.after_json).fileName])).toEqual([['preview', 'utvecklingschef', 'titt.csv']]);
    expect(JSON.parse(rows[0]!.after_json)).toMatchObject({ rowsRead: 1, rowsValid: 1, errors: 0, changes: 1 });
    expect(rows.map((r) => r.after_json).join()).not.toMatch(/numerator|denominator|"7"|70/);
  });
});
