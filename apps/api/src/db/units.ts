import type { ParentPeriod, Reorganisation, Unit } from '@tillit/domain';
import type { Db } from './database.js';

interface UnitRow {
  id: string;
  name: string;
  kind: Unit['kind'];
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  parentId: r.parent_id,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

export function listUnits(db: Db): Unit[] {
  return (db.prepare<[], UnitRow>('SELECT * FROM units ORDER BY id').all()).map(toUnit);
}

export function countUnits(db: Db): number {
  return db.prepare<[], number>('SELECT count(*) FROM units').pluck().get()!;
}

/** Inserts units parents first. Call inside a transaction. */
export function insertUnits(db: Db, units: readonly Unit[]): void {
  const stmt = db.prepare(
    `INSERT INTO units (id, name, kind, parent_id, valid_from, valid_to)
     VALUES (@id, @name, @kind, @parentId, @validFrom, @validTo)`,
  );
  for (const u of units) stmt.run(u);
}

export function getUnit(db: Db, id: string): Unit | undefined {
  const row = db.prepare<[string], UnitRow>('SELECT * FROM units WHERE id = ?').get(id);
  return row ? toUnit(row) : undefined;
}

export function updateUnit(db: Db, u: Unit): void {
  db.prepare(
    `UPDATE units SET name = @name, kind = @kind, parent_id = @parentId, valid_from = @validFrom, valid_to = @validTo
     WHERE id = @id`,
  ).run(u);
}

export function listParentHistory(db: Db): ParentPeriod[] {
  const rows = db.prepare<[], [
    string,
    string | null,
    number,
  ]>('SELECT unit_id, parent_id, until_year FROM unit_parent_history ORDER BY unit_id, until_year').raw().all();
  return rows.map(([unitId, parentId, untilYear]) => ({ unitId, parentId, untilYear }));
}

export function insertParentPeriod(db: Db, p: ParentPeriod): void {
  db.prepare('INSERT INTO unit_parent_history (unit_id, parent_id, until_year) VALUES (?, ?, ?)').run(p.unitId, p.parentId, p.untilYear);
}

export interface StoredReorganisation extends Reorganisation {
  createdBy: string | null;
  createdAt: string;
}

interface ReorganisationRow {
  id: number;
  kind: Reorganisation['kind'];
  year: number;
  note: string | null;
  old_name: string | null;
  old_parent_id: string | null;
  new_parent_id: string | null;
  created_by: string | null;
  created_at: string;
}

/** Every reorganisation with its units, oldest first. */
export function listReorganisations(db: Db): StoredReorganisation[] {
  const rows = db.prepare<[], ReorganisationRow>('SELECT * FROM reorganisations ORDER BY year, id').all();
  const links = db.prepare<[], [
    number,
    string,
    string,
  ]>('SELECT reorganisation_id, from_unit, to_unit FROM reorganisation_links ORDER BY rowid').raw().all();
  const byId = new Map<number, { from: string[]; to: string[] }>();
  for (const [id, from, to] of links) {
    const l = byId.get(id) ?? { from: [], to: [] };
    if (!l.from.includes(from)) l.from.push(from);
    if (!l.to.includes(to)) l.to.push(to);
    byId.set(id, l);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    year: r.year,
    note: r.note,
    oldName: r.old_name,
    oldParentId: r.old_parent_id,
    newParentId: r.new_parent_id,
    from: byId.get(r.id)?.from ?? [],
    to: byId.get(r.id)?.to ?? [],
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/** Records a reorganisation and its links (every from × every to). Call inside a transaction. */
export function insertReorganisation(db: Db, r: Omit<StoredReorganisation, 'id'>): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO reorganisations (kind, year, note, old_name, old_parent_id, new_parent_id, created_by, created_at)
       VALUES (@kind, @year, @note, @oldName, @oldParentId, @newParentId, @createdBy, @createdAt)`,
    )
    .run(r);
  const id = Number(lastInsertRowid);
  const link = db.prepare('INSERT INTO reorganisation_links (reorganisation_id, from_unit, to_unit) VALUES (?, ?, ?)');
  for (const from of r.from) for (const to of r.to) link.run(id, from, to);
  return id;
}
