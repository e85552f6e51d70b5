/**
 * The rules of a reorganisation (`planReorganisation`): concrete refusals, and properties on
 * random organisations — what a merger, split, move or rename writes leaves an organisation
 * that `checkOrganisation` accepts, with the trend's history in place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../schemas.js';
import { scenarioArb, unit } from '../test-arbitraries.js';
import { isActiveInYear } from '../tree.js';
import type { ReorganisationBody } from './api.js';
import { planReorganisation, sortParentsFirst } from './reorganise.js';
import { checkOrganisation } from './validate.js';

const YEAR = 2024;
const units = [
  unit('soc', null, 'Socialförvaltningen', { kind: 'department' }),
  unit('hem', 'soc', 'Hemtjänst', { kind: 'area' }),
  unit('g1', 'hem', 'Grupp 1'),
  unit('g2', 'hem', 'Grupp 2'),
  unit('g2a', 'g2', 'Grupp 2 natt'),
  unit('old', 'hem', 'Stängd', { validTo: '2020-12-31' }),
];

const problemsOf = (body: ReorganisationBody) => {
  const outcome = planReorganisation(units, [], body);
  return outcome.ok ? [] : outcome.problems;
};

describe('planReorganisation: refusals say which field and why', () => {
  it('refuses a unit that does not exist, naming the field', () => {
    expect(problemsOf({ kind: 'rename', year: YEAR, unitId: 'nope', newName: 'X' })).toEqual([
      { path: 'body.unitId', message: 'Enheten "nope" finns inte.' },
    ]);
  });

  it('refuses a merger into one of its own predecessors, a unit named twice, and a closed predecessor', () => {
    expect(problemsOf({ kind: 'merge', year: YEAR, from: ['g1', 'g2'], to: { id: 'g1' } })[0]?.path).toBe('body.to.id');
    expect(problemsOf({ kind: 'merge', year: YEAR, from: ['g1', 'g1'], to: { id: 'ny', name: 'Ny' } })[0]?.path).toBe('body.from');
    expect(problemsOf({ kind: 'merge', year: YEAR, from: ['g1', 'old'], to: { id: 'ny', name: 'Ny' } })[0]).toEqual({
      path: 'body.from.1',
      message: `"Stängd" är inte giltig året före ${YEAR}.`,
    });
  });

  it('refuses a successor that existed before the year, and a new one without a name', () => {
    expect(problemsOf({ kind: 'merge', year: YEAR, from: ['g1', 'g2a'], to: { id: 'hem' } })[0]?.path).toBe('body.to.id');
    expect(problemsOf({ kind: 'split', year: YEAR, from: 'g1', to: [{ id: 'a', name: 'A' }, { id: 'b' }] })[0]?.path).toBe('body.to.1.name');
  });

  it('refuses a rename to the same name and a move to where the unit already is', () => {
    expect(problemsOf({ kind: 'rename', year: YEAR, unitId: 'g1', newName: 'Grupp 1' })[0]?.path).toBe('body.newName');
    expect(problemsOf({ kind: 'move', year: YEAR, unitId: 'g1', parentId: 'hem' })[0]?.path).toBe('body.parentId');
  });

  it('refuses a second move that does not come after the last one', () => {
    const outcome = planReorganisation(units, [{ unitId: 'g1', parentId: 'soc', untilYear: YEAR }], { kind: 'move', year: YEAR, unitId: 'g1', parentId: 'soc' });
    expect(outcome.ok ? null : outcome.problems[0]?.path).toBe('body.year');
  });
});

describe('planReorganisation: what a merger writes', () => {
  it('closes the predecessors the year before, creates the successor under their parent, and moves what was below them', () => {
    const outcome = planReorganisation(units, [], { kind: 'merge', year: YEAR, from: ['g1', 'g2'], to: { id: 'ny', name: 'Ny grupp' } });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { created, changed, history, record } = outcome.plan;
    expect(created).toEqual([{ id: 'ny', name: 'Ny grupp', kind: 'unit', parentId: 'hem', validFrom: `${YEAR}-01-01`, validTo: null }]);
    expect(changed.find((u) => u.id === 'g1')?.validTo).toBe(`${YEAR - 1}-12-31`);
    expect(changed.find((u) => u.id === 'g2a')?.parentId).toBe('ny');
    expect(history).toEqual([{ unitId: 'g2a', parentId: 'g2', untilYear: YEAR - 1 }]);
    expect(record).toMatchObject({ kind: 'merge', year: YEAR, from: ['g1', 'g2'], to: ['ny'] });
  });
});

/** A random organisation (all units valid from 2015) and a reorganisation of it. */
const caseArb = fc
  .record({
    s: scenarioArb({ maxNodes: 14 }),
    kind: fc.constantFrom('merge', 'split', 'move', 'rename' as const),
    picks: fc.array(fc.nat(1000), { minLength: 2, maxLength: 4 }),
  })
  .map(({ s, kind, picks }) => {
    const all: Unit[] = s.units.map((u) => ({ ...u, validFrom: '2015-01-01' }));
    const pick = (i: number) => all[picks[i % picks.length]! % all.length]!;
    let body: ReorganisationBody;
    if (kind === 'merge') {
      const parent = pick(0);
      const siblings = all.filter((u) => u.parentId === parent.parentId && u.id !== parent.id).slice(0, 2);
      body = { kind, year: YEAR, from: [parent.id, ...siblings.map((u) => u.id)], to: { id: 'ny', name: 'Ny' } };
    } else if (kind === 'split') {
      body = { kind, year: YEAR, from: pick(0).id, to: [{ id: 'ny-a', name: 'A' }, { id: 'ny-b', name: 'B' }] };
    } else if (kind === 'move') {
      body = { kind, year: YEAR, unitId: pick(0).id, parentId: pick(1).id };
    } else {
      body = { kind, year: YEAR, unitId: pick(0).id, newName: `${pick(0).name} (nytt namn)` };
    }
    return { units: all, body };
  });

describe('planReorganisation on random organisations', () => {
  it('either refuses with a field and a reason, or leaves an organisation checkOrganisation accepts', () => {
    fc.assert(
      fc.property(caseArb, ({ units: all, body }) => {
        const outcome = planReorganisation(all, [], body);
        if (!outcome.ok) {
          expect(outcome.problems.length).toBeGreaterThan(0);
          for (const p of outcome.problems) {
            expect(p.path).toMatch(/^body\./);
            expect(p.message.length).toBeGreaterThan(0);
          }
          return;
        }
        const { created, changed, history, record } = outcome.plan;
        const after = new Map(all.map((u) => [u.id, u]));
        for (const u of [...created, ...changed]) after.set(u.id, u);
        const touched = new Set([...created, ...changed].map((u) => u.id));
        expect(checkOrganisation([...after.values()], history, touched)).toEqual([]);
        // Every unit the record names from is valid the year before; every successor from the year.
        for (const id of record.from) expect(isActiveInYear(all.find((u) => u.id === id)!, YEAR - 1)).toBe(true);
        for (const u of created) expect(u.validFrom).toBe(`${YEAR}-01-01`);
        if (body.kind === 'merge' || body.kind === 'split') {
          for (const id of record.from) expect(after.get(id)!.validTo! <= `${YEAR - 1}-12-31`).toBe(true);
        }
        // A move keeps the old parent up to the year before.
        for (const h of history) {
          expect(h.untilYear).toBe(YEAR - 1);
          expect(all.find((u) => u.id === h.unitId)!.parentId).toBe(h.parentId);
        }
        // New units are written parents first.
        const seen = new Set<string>();
        for (const u of created) {
          if (u.parentId !== null && created.some((c) => c.id === u.parentId)) expect(seen.has(u.parentId)).toBe(true);
          seen.add(u.id);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('sortParentsFirst', () => {
  it('puts every parent before its children, whatever the order given', () => {
    fc.assert(
      fc.property(scenarioArb({ maxNodes: 20 }), fc.nat(), (s, seed) => {
        const shuffled = s.units.map((_, i) => s.units[(i * 7 + seed) % s.units.length]!);
        const unique = [...new Map(shuffled.map((u) => [u.id, u])).values()];
        const sorted = sortParentsFirst(unique);
        expect(sorted.map((u) => u.id).sort()).toEqual(unique.map((u) => u.id).sort());
        const position = new Map(sorted.map((u, i) => [u.id, i]));
        for (const u of sorted) if (u.parentId !== null && position.has(u.parentId)) expect(position.get(u.parentId)!).toBeLessThan(position.get(u.id)!);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the random cases are mostly registrable', () => {
  it('more than half of them give a plan (so the properties above are about plans, not refusals)', () => {
    const samples = fc.sample(caseArb, { numRuns: 400, seed: 42 });
    const ok = samples.filter(({ units: all, body }) => planReorganisation(all, [], body).ok).length;
    expect(ok / samples.length).toBeGreaterThan(0.5);
  });
});
