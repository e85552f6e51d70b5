import type { ReorganisationBody, UnitTreeNode } from '@tillit/domain';

export interface UnitRow {
  id: string;
  name: string;
  kind: UnitTreeNode['kind'];
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  depth: number;
}

/** The tree as table rows, parents before children, with their depth for indenting. */
export function unitRows(roots: readonly UnitTreeNode[]): UnitRow[] {
  const out: UnitRow[] = [];
  const walk = (n: UnitTreeNode, depth: number) => {
    out.push({ id: n.id, name: n.name, kind: n.kind, parentId: n.parentId, validFrom: n.validFrom, validTo: n.validTo, depth });
    n.children.forEach((c) => walk(c, depth + 1));
  };
  roots.forEach((r) => walk(r, 0));
  return out;
}

export type ReorgKind = ReorganisationBody['kind'];

/** What the reorganisation form holds; only the fields of the chosen kind are used. */
export interface ReorgForm {
  kind: ReorgKind;
  year: string;
  note: string;
  /** Merge: the predecessors. */
  from: string[];
  /** Split, rename, move: the one unit. */
  unitId: string;
  /** Merge: the successor; split: the successors (code and name each). */
  successors: { id: string; name: string }[];
  newName: string;
  parentId: string;
}

export const emptyReorgForm = (year: number): ReorgForm => ({
  kind: 'merge',
  year: String(year),
  note: '',
  from: [],
  unitId: '',
  successors: [
    { id: '', name: '' },
    { id: '', name: '' },
  ],
  newName: '',
  parentId: '',
});

/** The fields the form may still need, as their translation keys. */
export type MissingField =
  | 'organisation.year'
  | 'organisation.mergeFrom'
  | 'organisation.newCode'
  | 'organisation.splitFrom'
  | 'organisation.unit'
  | 'organisation.renameTo'
  | 'organisation.moveTo';

/** The field the form still needs, or the body to send. */
export function reorganisationBody(f: ReorgForm): { ok: true; body: ReorganisationBody } | { ok: false; missing: MissingField } {
  const year = Number(f.year);
  if (!/^\d{4}$/.test(f.year.trim())) return { ok: false, missing: 'organisation.year' };
  const note = f.note.trim() === '' ? null : f.note.trim();
  const filled = f.successors.map((s) => ({ id: s.id.trim(), name: s.name.trim() })).filter((s) => s.id !== '' || s.name !== '');
  switch (f.kind) {
    case 'merge': {
      if (f.from.length < 2) return { ok: false, missing: 'organisation.mergeFrom' };
      const to = filled[0];
      if (!to?.id) return { ok: false, missing: 'organisation.newCode' };
      return { ok: true, body: { kind: 'merge', year, note, from: f.from, to: to.name ? { id: to.id, name: to.name } : { id: to.id } } };
    }
    case 'split': {
      if (!f.unitId) return { ok: false, missing: 'organisation.splitFrom' };
      if (filled.length < 2 || filled.some((s) => !s.id)) return { ok: false, missing: 'organisation.newCode' };
      return { ok: true, body: { kind: 'split', year, note, from: f.unitId, to: filled.map((s) => (s.name ? s : { id: s.id })) } };
    }
    case 'rename':
      if (!f.unitId) return { ok: false, missing: 'organisation.unit' };
      if (!f.newName.trim()) return { ok: false, missing: 'organisation.renameTo' };
      return { ok: true, body: { kind: 'rename', year, note, unitId: f.unitId, newName: f.newName.trim() } };
    case 'move':
      if (!f.unitId) return { ok: false, missing: 'organisation.unit' };
      if (!f.parentId) return { ok: false, missing: 'organisation.moveTo' };
      return { ok: true, body: { kind: 'move', year, note, unitId: f.unitId, parentId: f.parentId } };
  }
}
