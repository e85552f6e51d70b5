import {
  createAnnotationBodySchema,
  isUnitInScope,
  updateAnnotationBodySchema,
  type AnnotationThread,
  type AnnotationVisibility,
  type CreateAnnotationBody,
  type Me,
  type UnitTreeNode,
  type UpdateAnnotationBody,
} from '@tillit/domain';
import { issuesByField, type SchemaIssue } from '../../api/schema-issues';

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
 * A typed year as the API expects it: a number, or NaN when it is not one, so that the domain's
 * schema (in the browser, and again in the API) names the field and says why.
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

/** Which form field each part of a note's body comes from. */
const FIELD_OF_BODY: Record<string, DraftField> = { year: 'yearFrom', yearTo: 'yearTo', text: 'text', visibility: 'visibility' };

/** What is wrong with a note, by the domain's rules, before it is sent: none when it may be sent. */
export type DraftIssues = Partial<Record<DraftField, SchemaIssue>>;

export function checkNewNote(draft: AnnotationDraft, unitId: string, metricKey: string): DraftIssues {
  return issuesByField(createAnnotationBodySchema.safeParse(toCreateBody(draft, unitId, metricKey)), FIELD_OF_BODY).fields;
}

export function checkNoteChange(draft: AnnotationDraft): DraftIssues {
  return issuesByField(updateAnnotationBodySchema.safeParse(toUpdateBody(draft)), FIELD_OF_BODY).fields;
}

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
