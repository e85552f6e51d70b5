import type { Unit } from '../schemas.js';
import { isActiveInYear } from '../tree.js';
import type { ReorganisationBody } from './api.js';
import type { ParentPeriod, ReorganisationKind } from './lineage.js';
import { checkOrganisation } from './validate.js';

/** A reason a reorganisation cannot be registered, at the field of the request it concerns. */
export interface PlanProblem {
  path: string;
  message: string;
}

/** What registering a reorganisation writes: new units, changed units, earlier parents and the record. */
export interface ReorganisationPlan {
  created: Unit[];
  /** The units as they will be (closed, renamed, moved), in the order they were decided. */
  changed: Unit[];
  history: ParentPeriod[];
  record: {
    kind: ReorganisationKind;
    year: number;
    note: string | null;
    from: string[];
    to: string[];
    oldName: string | null;
    oldParentId: string | null;
    newParentId: string | null;
  };
}

export type PlanOutcome = { ok: true; plan: ReorganisationPlan } | { ok: false; problems: PlanProblem[] };

class Refused extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

/**
 * The rules of a reorganisation, from `year` on (the first year of the new organisation):
 *
 * - **rename**: the unit keeps its id; the old name is kept for the trend's marker;
 * - **move**: the unit sits under its old parent up to the year before (a parent period), and
 *   under the new one from `year`; a later move must come after the last;
 * - **merge**: the predecessors close at the end of the year before; the successor is a new unit
 *   (or one that starts that year) under their shared parent, or where the request says when
 *   they had several; units still open under a predecessor continue under the successor;
 * - **split**: the unit closes; the successors start.
 *
 * Every unit named must be valid the year before. The organisation as it would be is checked
 * whole (`checkOrganisation`). Pure: the service writes what the plan says, in one transaction.
 */
export function planReorganisation(units: readonly Unit[], history: readonly ParentPeriod[], request: ReorganisationBody): PlanOutcome {
  try {
    return { ok: true, plan: plan(units, history, request) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, problems: err.problems };
    throw err;
  }
}

function plan(units: readonly Unit[], history: readonly ParentPeriod[], body: ReorganisationBody): ReorganisationPlan {
  const byId = new Map(units.map((u) => [u.id, u]));
  const Y = body.year;
  const startOf = `${Y}-01-01`;
  const endBefore = `${Y - 1}-12-31`;
  const changed = new Map<string, Unit>();
  const periods: ParentPeriod[] = [];
  const created: Unit[] = [];
  const record: ReorganisationPlan['record'] = {
    kind: body.kind,
    year: Y,
    note: body.note ?? null,
    from: [],
    to: [],
    oldName: null,
    oldParentId: null,
    newParentId: null,
  };
  const refuse = (path: string, message: string): never => {
    throw new Refused([{ path, message }]);
  };
  const requireUnit = (id: string, path: string): Unit => byId.get(id) ?? refuse(path, `Enheten "${id}" finns inte.`);
  const mustBeActiveBefore = (u: Unit, path: string) => {
    if (!isActiveInYear(u, Y - 1)) refuse(path, `"${u.name}" är inte giltig året före ${Y}.`);
  };
  /** An existing unit that starts at Y, or a new one to create. */
  const successor = (t: { id: string; name?: string | undefined; parentId?: string | null | undefined }, defaultParent: string | null, path: string): Unit => {
    const existing = byId.get(t.id);
    if (existing) {
      if (!existing.validFrom || existing.validFrom < startOf) {
        refuse(`${path}.id`, `"${existing.name}" finns redan före ${Y}. Efterträdaren ska vara en ny enhet, giltig från ${Y}.`);
      }
      return existing;
    }
    if (!t.name) return refuse(`${path}.name`, `Enheten "${t.id}" finns inte: ange ett namn för att skapa den.`);
    const parentId = t.parentId === undefined ? defaultParent : t.parentId;
    // One level below its parent: a department under the organisation, and so on.
    const parentKind = parentId === null ? null : byId.get(parentId)?.kind;
    const kind = parentKind === 'organisation' ? 'department' : parentKind === 'department' ? 'area' : 'unit';
    const u: Unit = { id: t.id, name: t.name, kind, parentId, validFrom: startOf, validTo: null };
    created.push(u);
    return u;
  };
  const close = (u: Unit) => changed.set(u.id, { ...u, validTo: u.validTo && u.validTo < endBefore ? u.validTo : endBefore });

  switch (body.kind) {
    case 'rename': {
      const u = requireUnit(body.unitId, 'body.unitId');
      if (u.name === body.newName) refuse('body.newName', 'Det nya namnet är detsamma som det gamla.');
      record.oldName = u.name;
      changed.set(u.id, { ...u, name: body.newName });
      record.from = record.to = [u.id];
      break;
    }
    case 'move': {
      const u = requireUnit(body.unitId, 'body.unitId');
      requireUnit(body.parentId, 'body.parentId');
      if (u.parentId === body.parentId) refuse('body.parentId', `"${u.name}" ligger redan där.`);
      const lastMove = Math.max(-Infinity, ...history.filter((p) => p.unitId === u.id).map((p) => p.untilYear + 1));
      if (Y <= lastMove) refuse('body.year', `"${u.name}" flyttades senast ${lastMove}; en ny flytt måste gälla från ett senare år.`);
      mustBeActiveBefore(u, 'body.unitId');
      periods.push({ unitId: u.id, parentId: u.parentId, untilYear: Y - 1 });
      record.oldParentId = u.parentId;
      record.newParentId = body.parentId;
      changed.set(u.id, { ...u, parentId: body.parentId });
      record.from = record.to = [u.id];
      break;
    }
    case 'merge': {
      const preds = body.from.map((id, i) => requireUnit(id, `body.from.${i}`));
      if (new Set(body.from).size !== body.from.length) refuse('body.from', 'Samma enhet står två gånger.');
      if (body.from.includes(body.to.id)) refuse('body.to.id', 'Efterträdaren kan inte vara en av de sammanslagna enheterna.');
      preds.forEach((p, i) => mustBeActiveBefore(p, `body.from.${i}`));
      const parents = new Set(preds.map((p) => p.parentId));
      if (parents.size > 1 && body.to.parentId === undefined && !byId.has(body.to.id)) {
        refuse('body.to.parentId', 'De sammanslagna enheterna har olika överordnade: ange var den nya enheten ska ligga.');
      }
      const s = successor(body.to, preds[0]!.parentId, 'body.to');
      for (const p of preds) close(p);
      // Units still open under a predecessor continue under the successor.
      for (const child of units) {
        // A predecessor under another predecessor is closed above, not moved.
        if (body.from.includes(child.id)) continue;
        if (child.parentId !== null && body.from.includes(child.parentId) && (child.validTo === null || child.validTo >= startOf)) {
          periods.push({ unitId: child.id, parentId: child.parentId, untilYear: Y - 1 });
          changed.set(child.id, { ...child, parentId: s.id });
        }
      }
      record.from = body.from;
      record.to = [s.id];
      break;
    }
    case 'split': {
      const p = requireUnit(body.from, 'body.from');
      mustBeActiveBefore(p, 'body.from');
      const ids = body.to.map((t) => t.id);
      if (new Set(ids).size !== ids.length) refuse('body.to', 'Samma enhet står två gånger.');
      if (ids.includes(p.id)) refuse('body.to', 'Enheten som delas kan inte vara en av de nya.');
      const succ = body.to.map((t, i) => successor(t, p.parentId, `body.to.${i}`));
      close(p);
      record.from = [p.id];
      record.to = succ.map((s) => s.id);
      break;
    }
  }

  // Check everything as it will be: the new units, the closed and moved ones.
  const proposed = new Map(byId);
  for (const u of [...created, ...changed.values()]) proposed.set(u.id, u);
  const touched = new Set([...created, ...changed.values()].map((u) => u.id));
  const problems = checkOrganisation([...proposed.values()], [...history, ...periods], touched);
  if (problems.length > 0) throw new Refused(problems.map((p) => ({ path: `body.${p.field}`, message: p.message })));
  return { created: sortParentsFirst(created), changed: [...changed.values()], history: periods, record };
}

/** Units ordered so that a parent comes before its children (for inserting them one by one). */
export function sortParentsFirst<T extends Pick<Unit, 'id' | 'parentId'>>(list: readonly T[]): T[] {
  const byId = new Map(list.map((u) => [u.id, u]));
  const out: T[] = [];
  const placed = new Set<string>();
  const place = (u: T, path: Set<string>) => {
    if (placed.has(u.id) || path.has(u.id)) return;
    path.add(u.id);
    const parent = u.parentId === null ? undefined : byId.get(u.parentId);
    if (parent) place(parent, path);
    placed.add(u.id);
    out.push(u);
  };
  for (const u of list) place(u, new Set());
  return out;
}
