import type { Language, Unit } from '../schemas.js';
import type { Organisation, Reorganisation, ReorganisationKind } from './lineage.js';

export interface LineageUnit {
  id: string;
  name: string;
}

/**
 * A reorganisation as a unit's chart shows it: a marker at `year` with a label. Merge and
 * split: `from` and `to` are the units before and after; rename: the unit under its old and its
 * new name; move: the old and the new parent.
 */
export interface LineageEvent {
  id: number;
  year: number;
  kind: ReorganisationKind;
  label: string;
  note: string | null;
  from: LineageUnit[];
  to: LineageUnit[];
}

/** The short label of a marker: "3 blev 1", "1 blev 2", "Hette tidigare …", "Flyttad från …". */
export function lineageLabel(event: Pick<LineageEvent, 'kind' | 'from' | 'to'>, lang: Language = 'sv'): string {
  const first = (list: LineageUnit[]) => list[0]?.name ?? '–';
  switch (event.kind) {
    case 'merge':
    case 'split':
      return lang === 'sv' ? `${event.from.length} blev ${event.to.length}` : `${event.from.length} became ${event.to.length}`;
    case 'rename':
      return lang === 'sv' ? `Hette tidigare ${first(event.from)}` : `Formerly ${first(event.from)}`;
    case 'move':
      return lang === 'sv' ? `Flyttad från ${first(event.from)} till ${first(event.to)}` : `Moved from ${first(event.from)} to ${first(event.to)}`;
  }
}

/** A reorganisation with the names of its units, for the marker and for the list. */
export function toLineageEvent(r: Reorganisation, units: ReadonlyMap<string, Pick<Unit, 'id' | 'name'>>): LineageEvent {
  const ref = (id: string | null): LineageUnit[] => (id === null ? [] : [{ id, name: units.get(id)?.name ?? id }]);
  let from = r.from.flatMap(ref);
  let to = r.to.flatMap(ref);
  if (r.kind === 'rename') from = from.map((u) => ({ id: u.id, name: r.oldName ?? u.name }));
  if (r.kind === 'move') {
    from = ref(r.oldParentId);
    to = ref(r.newParentId);
  }
  const event = { id: r.id, year: r.year, kind: r.kind, note: r.note, from, to };
  return { ...event, label: lineageLabel(event) };
}

/** The reorganisations a unit took part in, oldest first. */
export function eventsForUnit(org: Organisation, unitId: string): LineageEvent[] {
  const units = new Map(org.units.map((u) => [u.id, u]));
  return org.reorganisations
    .filter((r) => r.from.includes(unitId) || r.to.includes(unitId))
    .sort((a, b) => a.year - b.year || a.id - b.id)
    .map((r) => toLineageEvent(r, units));
}
