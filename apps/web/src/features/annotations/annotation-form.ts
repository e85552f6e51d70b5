import {
  isUnitInScope,
  type AnnotationThread,
  type AnnotationVisibility,
  type CreateAnnotationBody,
  type Me,
  type UnitTreeNode,
  type UpdateAnnotationBody,
} from '@tillit/domain';

/** What the note form holds while someone types: years as typed, so nothing is lost. */
export interface AnnotationDraft {
  yearFrom: string;
  yearTo: string;
  text: string;
  visibility: AnnotationVisibility;
}

export type DraftField = 'yearFrom' | 'yearTo' | 'text' | 'visibility';

export function emptyDraft(year: number | null): AnnotationDraft {
  return { yearFrom: year === null ? '' : String(year), yearTo: '', text: '', visibility: 'internal' };
}

export function draftOf(thread: Pick<AnnotationThread, 'yearFrom' | 'yearTo' | 'text' | 'visibility'>): AnnotationDraft {
  return {
    yearFrom: String(thread.yearFrom),
    yearTo: thread.yearTo === thread.yearFrom ? '' : String(thread.yearTo),
    text: thread.text,
    visibility: thread.visibility,
  };
}

/**
 * A typed year as the API expects it: a number, or (when it is not one) sent as it was typed,
 * so that the API's answer names the field and says why. The API is the one judge of input.
 */
function year(typed: string): number {
  const trimmed = typed.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** An end year is left out when empty or the same as the first year: a single year. */
function endYear(draft: AnnotationDraft): number | undefined {
  if (draft.yearTo.trim() === '' || draft.yearTo.trim() === draft.yearFrom.trim()) return undefined;
  return year(draft.yearTo);
}

export function toCreateBody(draft: AnnotationDraft, unitId: string, metricKey: string): CreateAnnotationBody {
  const yearTo = endYear(draft);
  return {
    unitId,
    metricKey,
    year: year(draft.yearFrom),
    ...(yearTo === undefined ? {} : { yearTo }),
    text: draft.text,
    visibility: draft.visibility,
  };
}

export function toUpdateBody(draft: AnnotationDraft): UpdateAnnotationBody {
  return { text: draft.text, visibility: draft.visibility, year: year(draft.yearFrom), yearTo: endYear(draft) ?? null };
}

const FIELD_OF_PATH: Record<string, DraftField> = {
  'body.year': 'yearFrom',
  'body.yearTo': 'yearTo',
  'body.text': 'text',
  'body.visibility': 'visibility',
};

/** The API's complaints about the body, by the form field they concern. */
export function fieldErrors(details: readonly { path: string; message: string }[]): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {};
  for (const d of details) {
    const field = FIELD_OF_PATH[d.path];
    if (field && errors[field] === undefined) errors[field] = d.message;
  }
  return errors;
}

/**
 * Whether the signed-in person may write new notes for a unit: the same rule the API applies
 * (their units and those below them; the development manager everywhere). `path` is the chain
 * from the root to the unit, all the tree that rule needs.
 */
export function canAnnotate(me: Me | null | undefined, unitId: string, path: readonly Pick<UnitTreeNode, 'id' | 'parentId'>[]): boolean {
  if (!me) return false;
  return isUnitInScope(me, unitId, new Map(path.map((n) => [n.id, n])));
}
