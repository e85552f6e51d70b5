import { DATA_NEED_STATUSES, dataNeedStatusSchema, type DataNeed, type DataNeedStatus, type DataNeedUpdate } from '@tillit/domain';
import type { QueryParams } from '../../api/client';

/** The i18n key of a status in plain words ("Mottagen", "Tillagd som nyckeltal", …). */
export const statusLabelKey = (status: DataNeedStatus) => `dataNeeds.status.${status}` as const;

/** The ages the inbox can filter on: questions older than this many days. */
export const AGE_OPTIONS = [7, 30, 90] as const;
export type AgeOption = (typeof AGE_OPTIONS)[number];

/** The inbox's filters, as they live in the URL (`?status=&metric=&unit=&age=`). */
export interface InboxFilters {
  status: DataNeedStatus | null;
  metric: string | null;
  unit: string | null;
  age: AgeOption | null;
}

export const NO_FILTERS: InboxFilters = { status: null, metric: null, unit: null, age: null };

const nonEmpty = (value: string | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Reads the filters from the address; anything that is not a valid choice is ignored. */
export function filtersFromSearch(search: URLSearchParams): InboxFilters {
  const status = dataNeedStatusSchema.safeParse(search.get('status'));
  const age = Number(search.get('age'));
  return {
    status: status.success ? status.data : null,
    metric: nonEmpty(search.get('metric')),
    unit: nonEmpty(search.get('unit')),
    age: AGE_OPTIONS.find((a) => a === age) ?? null,
  };
}

/** The filters as an address query, without the ones not set (so an empty filter is a clean URL). */
export function filtersToSearch(filters: InboxFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status) search.set('status', filters.status);
  if (filters.metric) search.set('metric', filters.metric);
  if (filters.unit) search.set('unit', filters.unit);
  if (filters.age !== null) search.set('age', String(filters.age));
  return search;
}

/** The filters as the API's query (`GET /api/data-needs`). */
export function filtersToApiParams(filters: InboxFilters): QueryParams {
  return {
    status: filters.status ?? undefined,
    metric: filters.metric ?? undefined,
    unit: filters.unit ?? undefined,
    olderThanDays: filters.age ?? undefined,
  };
}

export const hasFilters = (filters: InboxFilters): boolean => Object.values(filters).some((v) => v !== null);

/** What the reply form holds while the development manager types. */
export interface ReplyDraft {
  status: DataNeedStatus;
  reply: string;
  addedMetricKey: string;
}

export function replyDraftOf(need: Pick<DataNeed, 'status' | 'reply' | 'addedMetricKey'>): ReplyDraft {
  return { status: need.status, reply: need.reply ?? '', addedMetricKey: need.addedMetricKey ?? '' };
}

/**
 * The PATCH body for a draft: an empty reply is left out (the API keeps the earlier one, and
 * says so when a "declined" needs one), and a new metric is sent only with status "added".
 */
export function replyBody(draft: ReplyDraft): DataNeedUpdate {
  const reply = draft.reply.trim();
  return {
    status: draft.status,
    ...(reply === '' ? {} : { reply }),
    ...(draft.status === 'added' && draft.addedMetricKey !== '' ? { addedMetricKey: draft.addedMetricKey } : {}),
  };
}

/** Counts per status in the catalogue's order, for the inbox's health table. */
export function statusCounts(byStatus: Partial<Record<DataNeedStatus, number>>): { status: DataNeedStatus; count: number }[] {
  return DATA_NEED_STATUSES.map((status) => ({ status, count: byStatus[status] ?? 0 }));
}

/** Newest first; the API's order is not a promise the page should rely on. */
export function newestFirst<T extends Pick<DataNeed, 'createdAt' | 'id'>>(needs: readonly T[]): T[] {
  return [...needs].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

/** The metric page's anchor for its "Vilka data behöver du?" form; the overview's cards link to it. */
export const DATA_NEED_ANCHOR = 'data-need-form';
