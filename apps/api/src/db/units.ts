import type { Unit } from '@tillit/domain';
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
  return (db.prepare('SELECT * FROM units ORDER BY id').all() as UnitRow[]).map(toUnit);
}

export function countUnits(db: Db): number {
  return db.prepare('SELECT count(*) FROM units').pluck().get() as number;
}

/** Inserts units parents first. Call inside a transaction. */
export function insertUnits(db: Db, units: readonly Unit[]): void {
  const stmt = db.prepare(
    `INSERT INTO units (id, name, kind, parent_id, valid_from, valid_to)
     VALUES (@id, @name, @kind, @parentId, @validFrom, @validTo)`,
  );
  for (const u of units) stmt.run(u);
}
