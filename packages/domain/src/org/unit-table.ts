import type { Organisation } from './lineage.js';

/** Something looked up by unit id: a Map, or a `UnitTable`. */
export interface ByUnit<T> {
  get(unitId: string): T | undefined;
}

/**
 * Values by unit id, compact: one slot per unit of the organisation in a plain array, over an
 * index of the ids that every table of the same organisation shares. A Map per year and metric
 * costs about 55 bytes per unit; this costs 4 (the figures' memory: docs/benchmarks.md).
 */
export class UnitTable<T> implements ByUnit<T> {
  private constructor(
    private readonly slots: ReadonlyMap<string, number>,
    private readonly values: readonly (T | undefined)[],
    /** Ids outside the organisation's units, kept as they came (none, in practice). */
    private readonly others: ReadonlyMap<string, T> | null,
  ) {}

  /** The same entries as `map`, made compact over `org`'s units. */
  static of<T>(org: Organisation, map: ReadonlyMap<string, T>): UnitTable<T> {
    const slots = slotsOf(org);
    const values = new Array<T | undefined>(slots.size).fill(undefined);
    let others: Map<string, T> | null = null;
    for (const [id, value] of map) {
      const slot = slots.get(id);
      if (slot !== undefined) values[slot] = value;
      else (others ??= new Map()).set(id, value);
    }
    return new UnitTable(slots, values, others);
  }

  get(unitId: string): T | undefined {
    const slot = this.slots.get(unitId);
    return slot === undefined ? this.others?.get(unitId) : this.values[slot];
  }
}

// One index per organisation (a new one comes with every change of units): shared by all tables.
const indexes = new WeakMap<Organisation, ReadonlyMap<string, number>>();

function slotsOf(org: Organisation): ReadonlyMap<string, number> {
  let slots = indexes.get(org);
  if (!slots) {
    slots = new Map(org.units.map((u, i) => [u.id, i]));
    indexes.set(org, slots);
  }
  return slots;
}

/**
 * One shared, frozen object per distinct value of a small record (a coverage, a hidden point):
 * most units of a large organisation have one of a few. `key` names the value; bounded, so a
 * long-lived process cannot grow it without end.
 */
export function internTable<T extends object>(limit = 10_000): (key: string, make: () => T) => T {
  const known = new Map<string, T>();
  return (key, make) => {
    const found = known.get(key);
    if (found) return found;
    const value = Object.freeze(make());
    if (known.size < limit) known.set(key, value);
    return value;
  };
}
