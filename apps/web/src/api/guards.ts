import type { DataNeed, DataNeedStats, DataNeedStatus, ErrorEnvelope, HealthResponse, Me, Role, UnitTreeNode } from '@tillit/domain';
import type { ResponseParser } from './client';

/**
 * Hand-written checks for the answers every page needs before its own code has loaded (who is
 * signed in, the organisation tree, the menu's counts, the error envelope). They check the same
 * shape as the shared zod schemas, so that zod is fetched only with a page that parses with it.
 * The Record<…, true> tables below make the compiler say when a role or kind is added.
 */
export type Guard<T> = (value: unknown) => value is T;

const ROLES: Record<Role, true> = { development_manager: true, unit_manager: true, politician: true };
export const UNIT_KINDS: Record<UnitTreeNode['kind'], true> = { organisation: true, department: true, area: true, unit: true };
const STATUSES: Record<DataNeedStatus, true> = { received: true, considering: true, planned: true, added: true, declined: true };

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isString = (value: unknown): value is string => typeof value === 'string';
export const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';
export const isInteger = (value: unknown): value is number => Number.isInteger(value);
export const isArrayOf = <T>(value: unknown, isT: Guard<T>): value is T[] => Array.isArray(value) && value.every(isT);
export const isKeyOf = <K extends string>(table: Record<K, true>, value: unknown): value is K =>
  typeof value === 'string' && Object.hasOwn(table, value);

/** A parser from a check; a failing answer is reported as a whole (path ''), not per field. */
export function checked<T>(isT: Guard<T>, expected: string): ResponseParser<T> {
  return {
    safeParse: (data) =>
      isT(data) ? { success: true, data } : { success: false, error: { issues: [{ path: [], message: `Expected ${expected}` }] } },
  };
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (!isRecord(value) || !isRecord(value.error)) return false;
  const { code, message, details, requestId } = value.error;
  const isDetail = (d: unknown) => isRecord(d) && isString(d.path) && isString(d.message);
  return isString(code) && isString(message) && isString(requestId) && (details === undefined || (Array.isArray(details) && details.every(isDetail)));
}

export const isMe = (value: unknown): value is Me =>
  isRecord(value) &&
  isString(value.username) &&
  isString(value.displayName) &&
  isKeyOf(ROLES, value.role) &&
  isArrayOf(value.unitIds, isString);

export const isHealth = (value: unknown): value is HealthResponse =>
  isRecord(value) && value.status === 'ok' && isString(value.version) && typeof value.isDemo === 'boolean';

export const isUnitTreeNode = (value: unknown): value is UnitTreeNode =>
  isRecord(value) &&
  isString(value.id) &&
  isString(value.name) &&
  isKeyOf(UNIT_KINDS, value.kind) &&
  isNullableString(value.parentId) &&
  isNullableString(value.validFrom) &&
  isNullableString(value.validTo) &&
  isArrayOf(value.children, isUnitTreeNode);

export const isUnitTree = (value: unknown): value is UnitTreeNode[] => isArrayOf(value, isUnitTreeNode);

export const isDataNeedStats = (value: unknown): value is DataNeedStats =>
  isRecord(value) &&
  isInteger(value.total) &&
  isInteger(value.open) &&
  isInteger(value.unanswered) &&
  (value.medianDaysToReply === null || typeof value.medianDaysToReply === 'number') &&
  isCountPerStatus(value.byStatus);

/** Every status, and only statuses, each with a count (as the schema's record over the status enum). */
function isCountPerStatus(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === Object.keys(STATUSES).length && keys.every((k) => isKeyOf(STATUSES, k) && isInteger(value[k]));
}

/** Only what the menu's count reads of each question. */
export const isUnreadFlags = (value: unknown): value is Pick<DataNeed, 'isUnread'>[] =>
  isArrayOf(value, (need): need is Pick<DataNeed, 'isUnread'> => isRecord(need) && typeof need.isUnread === 'boolean');

/** A 204 with no body. */
export const noContent = checked((value): value is undefined => value === undefined, 'no content');

/**
 * A sign-out's answer: 204 with no body, or, for a session begun at the organisation's identity
 * provider, where to send the browser to sign out there too.
 */
export const signedOut = checked(
  (value): value is { endSessionUrl: string } | undefined => value === undefined || (isRecord(value) && isString(value.endSessionUrl)),
  'no content or { endSessionUrl }',
);
