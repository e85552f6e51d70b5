import {
  checkOrganisation,
  planReorganisation,
  sortParentsFirst,
  toLineageEvent,
  UNIT_FILE_COLUMN,
  validateUnitRecords,
  type ImportError,
  type ParentPeriod,
  type ReorganisationBody,
  type ReleaseWarning,
  type ReorganisationResponse,
  type Unit,
  type UnitCreateBody,
  type UnitImportChange,
  type UnitImportPreview,
  type UnitImportResult,
  type UnitProblem,
  type UnitUpdateBody,
} from '@tillit/domain';
import type { Db } from '../db/database.js';
import { getUnit, insertParentPeriod, insertReorganisation, insertUnits, listParentHistory, listUnits, updateUnit } from '../db/units.js';
import { ConflictError, invalid, NotFoundError, ValidationError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import type { ImportOutcome } from './import-outcome.js';
import { readRecords } from './import-read.js';
import { releaseWarnings } from './release-preview.js';
import type { UnitService } from './units.js';

interface Deps {
  units: UnitService;
  data: { bump: () => void };
}

const fieldPath = (field: UnitProblem['field'], prefix: string) => `${prefix}.${field}`;

/** Refuses a proposed organisation with problems: a 400 that names the field of each. */
function assertNoProblems(problems: UnitProblem[], prefix = 'body'): void {
  if (problems.length === 0) return;
  throw new ValidationError(
    problems.map((p) => p.message).join(' '),
    problems.map((p) => ({ path: fieldPath(p.field, prefix), message: p.message })),
  );
}


/**
 * Writes to the organisation: units (create, edit, close, import from a file) and reorganisations.
 * Every write checks the whole organisation as it would be (`checkOrganisation`), happens in one
 * transaction with its audit entry, and bumps the data version so cached figures are recomputed.
 */
export function createOrganisationService(db: Db, { units, data }: Deps) {
  /** Runs a write in one transaction with its checks, then tells the caches. */
  const write = <T>(fn: () => T): T => {
    const out = db.transaction(fn)();
    data.bump();
    return out;
  };

  const check = (changed: Unit[], extraHistory: ParentPeriod[] = []): UnitProblem[] => {
    const byId = new Map(listUnits(db).map((u) => [u.id, u]));
    for (const u of changed) byId.set(u.id, u);
    return checkOrganisation([...byId.values()], [...listParentHistory(db), ...extraHistory], new Set(changed.map((u) => u.id)));
  };


  const service = {
    create(body: UnitCreateBody, actor: Actor): Unit {
      return write(() => {
        if (getUnit(db, body.id)) throw new ConflictError(`Det finns redan en enhet med koden "${body.id}".`);
        const unit: Unit = { ...body };
        assertNoProblems(check([unit]));
        insertUnits(db, [unit]);
        audit(db, actor, 'create', 'unit', unit.id, null, unit);
        return unit;
      });
    },

    /** A correction of the unit's data. A move that should keep the history is a reorganisation. */
    update(id: string, body: UnitUpdateBody, actor: Actor): Unit {
      return write(() => {
        const before = getUnit(db, id);
        if (!before) throw new NotFoundError(`Enheten "${id}" finns inte.`);
        const after: Unit = { ...before, ...body };
        if (after.parentId === after.id) throw invalid('body.parentId', 'En enhet kan inte ligga under sig själv.');
        assertNoProblems(check([after]));
        updateUnit(db, after);
        audit(db, actor, 'update', 'unit', id, before, after);
        return after;
      });
    },

    close(id: string, validTo: string, actor: Actor): Unit {
      return write(() => {
        const before = getUnit(db, id);
        if (!before) throw new NotFoundError(`Enheten "${id}" finns inte.`);
        if (before.validTo !== null) throw new ConflictError(`Enheten "${before.name}" är redan stängd (${before.validTo}).`);
        const after: Unit = { ...before, validTo };
        assertNoProblems(check([after]));
        updateUnit(db, after);
        audit(db, actor, 'close', 'unit', id, before, after);
        return after;
      });
    },

    /** A units file: every row, or nothing. A dry run (or a file with errors) only previews. */
    async importFile(file: { fileName: string; path: string }, options: { dryRun: boolean }, actor: Actor): Promise<ImportOutcome<UnitImportPreview, UnitImportResult>> {
      const records: string[][] = [];
      // One by one: spreading a batch of a hundred thousand rows into push() overflows the stack.
      for await (const batch of readRecords(file.path, file.fileName)) for (const record of batch) records.push(record);
      const parsed = validateUnitRecords(records);
      const errors: ImportError[] = [...parsed.errors];
      const current = new Map(listUnits(db).map((u) => [u.id, u]));
      const proposed: (Unit & { row: number })[] = parsed.units.map((r) => {
        const old = current.get(r.id);
        const kind = r.kind ?? old?.kind ?? (r.parentId === null ? 'organisation' : 'unit');
        return { row: r.row, id: r.id, name: r.name, kind, parentId: r.parentId, validFrom: r.validFrom, validTo: r.validTo };
      });
      if (errors.length === 0) {
        const rowOf = new Map(proposed.map((u) => [u.id, u.row]));
        const problems = check(proposed.map(({ row: _row, ...u }) => u));
        for (const p of problems) {
          errors.push({ row: rowOf.get(p.unitId) ?? 1, column: UNIT_FILE_COLUMN[p.field], message: p.message });
        }
        errors.sort((a, b) => a.row - b.row);
      }
      const changes: UnitImportChange[] = [];
      for (const u of proposed) {
        const old = current.get(u.id);
        const fields = (x: Unit) => ({ name: x.name, parentId: x.parentId, validFrom: x.validFrom, validTo: x.validTo });
        const isSame = old && JSON.stringify({ ...fields(old), kind: old.kind }) === JSON.stringify({ ...fields(u), kind: u.kind });
        if (!isSame) changes.push({ row: u.row, id: u.id, action: old ? 'update' : 'create', old: old ? fields(old) : null, new: fields(u) });
      }
      const preview: UnitImportPreview = { rowsRead: parsed.rowsRead, rowsValid: proposed.length, errors, changes, fileName: file.fileName };
      if (options.dryRun) return { status: 200, body: preview };
      if (errors.length > 0) return { status: 422, body: preview };

      const result = write(() => {
        let created = 0;
        let updated = 0;
        // Parents first, so that a new unit's new parent exists when it is inserted.
        for (const { row: _row, ...u } of sortParentsFirst(proposed)) {
          const old = current.get(u.id);
          if (!old) {
            insertUnits(db, [u]);
            created++;
          } else if (changes.some((c) => c.id === u.id)) {
            updateUnit(db, u);
            updated++;
          }
        }
        audit(db, actor, 'import', 'unit', null, null, { fileName: file.fileName, rowsRead: parsed.rowsRead, created, updated, changes });
        return { created, updated };
      });
      return { status: 201, body: { rowsRead: parsed.rowsRead, ...result, errors: [] } };
    },

    list(): ReorganisationResponse[] {
      const byId = units.byId();
      return units
        .reorganisations()
        .map((r) => ({ ...toLineageEvent(r, byId), createdBy: r.createdBy, createdAt: r.createdAt }))
        .reverse();
    },

    /** What registering the reorganisation would hide of the figures already shown; writes nothing. */
    previewReorganisation(body: ReorganisationBody, actor: Actor): ReleaseWarning[] {
      return releaseWarnings(db, () => {
        service.reorganise(body, actor);
      });
    },

    reorganise(body: ReorganisationBody, actor: Actor): ReorganisationResponse {
      return write(() => {
        const outcome = planReorganisation(listUnits(db), listParentHistory(db), body);
        if (!outcome.ok) {
          throw new ValidationError(outcome.problems.map((p) => p.message).join(' '), outcome.problems);
        }
        const { created, changed, history, record: planned } = outcome.plan;
        insertUnits(db, created);
        const before = new Map<string, Unit>();
        for (const u of changed) {
          before.set(u.id, getUnit(db, u.id)!);
          updateUnit(db, u);
        }
        for (const h of history) insertParentPeriod(db, h);
        const record = { ...planned, createdBy: actor.username, createdAt: new Date().toISOString() };
        const id = insertReorganisation(db, record);
        audit(db, actor, 'create', 'reorganisation', id, null, {
          ...record,
          createdUnits: created,
          changedUnits: changed.map((u) => ({ before: before.get(u.id), after: u })),
          parentHistory: history,
        });
        const names = new Map(listUnits(db).map((u) => [u.id, u]));
        return { ...toLineageEvent({ id, ...record }, names), createdBy: record.createdBy, createdAt: record.createdAt };
      });
    },
  };
  return service;
}
export type OrganisationService = ReturnType<typeof createOrganisationService>;

