import type { Unit } from '../schemas.js';
import type { ParentPeriod } from './lineage.js';
import { yearsOf } from './lineage.js';

export type UnitField = 'id' | 'name' | 'parentId' | 'validFrom' | 'validTo';

/** What is wrong with a unit in a proposed organisation, and in which field. */
export interface UnitProblem {
  unitId: string;
  field: UnitField;
  message: string;
}

/**
 * Checks a proposed organisation (every unit, after a change) and reports the problems that
 * concern the changed units: a missing parent, a cycle, a period that ends before it starts,
 * and a unit valid outside its parent's period (a parent cannot be closed while a unit under it
 * stays open, and a new unit needs an active parent). Earlier problems of units that were not
 * touched do not block the change.
 */
export function checkOrganisation(
  units: readonly Unit[],
  history: readonly ParentPeriod[],
  changed: ReadonlySet<string>,
): UnitProblem[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const problems: UnitProblem[] = [];
  const add = (unitId: string, field: UnitField, message: string) => problems.push({ unitId, field, message });
  const lastMove = new Map<string, number>();
  for (const p of history) lastMove.set(p.unitId, Math.max(lastMove.get(p.unitId) ?? -Infinity, p.untilYear + 1));

  for (const u of units) {
    const isChanged = changed.has(u.id);
    const parentChanged = u.parentId !== null && changed.has(u.parentId);
    if (!isChanged && !parentChanged) continue;
    const own = yearsOf(u);
    if (isChanged && u.validFrom && u.validTo && u.validFrom > u.validTo) {
      add(u.id, 'validTo', `Giltig till (${u.validTo}) ligger före giltig från (${u.validFrom}).`);
    }
    if (u.parentId === null) continue;
    const parent = byId.get(u.parentId);
    if (!parent) {
      if (isChanged) add(u.id, 'parentId', `Den överordnade enheten "${u.parentId}" finns inte.`);
      continue;
    }
    if (isChanged && isInCycle(byId, u.id)) {
      add(u.id, 'parentId', `"${parent.name}" ligger redan under "${u.name}": det skulle bli en slinga.`);
      continue;
    }
    // The years the unit has sat under this parent: from its start or its latest move.
    const from = Math.max(own.from ?? -Infinity, lastMove.get(u.id) ?? -Infinity);
    const to = own.to ?? Infinity;
    if (from > to) continue;
    const p = yearsOf(parent);
    const pFrom = p.from ?? -Infinity;
    const pTo = p.to ?? Infinity;
    if (from >= pFrom && to <= pTo) continue;
    const span = `${label(pFrom)}–${label(pTo)}`;
    if (isChanged) {
      add(u.id, 'parentId', `Den överordnade enheten "${parent.name}" är inte giltig under hela enhetens period (den gäller ${span}).`);
    } else {
      const field: UnitField = pTo < to ? 'validTo' : 'validFrom';
      add(parent.id, field, `"${u.name}" under enheten är giltig utanför perioden ${span}; stäng eller flytta den först.`);
    }
  }
  return problems;
}

const label = (year: number) => (Number.isFinite(year) ? String(year) : '');

function isInCycle(byId: ReadonlyMap<string, Unit>, start: string): boolean {
  const seen = new Set<string>();
  let cur = byId.get(start)?.parentId ?? null;
  while (cur !== null) {
    if (cur === start) return true;
    if (seen.has(cur)) return false;
    seen.add(cur);
    cur = byId.get(cur)?.parentId ?? null;
  }
  return false;
}
