import { safeNextPath, type Me } from '@tillit/domain';

/**
 * Where a person lands after signing in: politicians read the summary, a unit manager the
 * overview of their own (first) unit, the development manager the whole organisation.
 */
export function homeFor(me: Pick<Me, 'role' | 'unitIds'>): string {
  if (me.role === 'politician') return '/summary';
  const [own] = me.unitIds;
  return me.role === 'unit_manager' && own ? `/?unit=${encodeURIComponent(own)}` : '/';
}

/** A `next` location from the sign-in page's URL, as a path on `origin` (this site), or null. */
export function safeNext(next: string | null, origin: string): string | null {
  return safeNextPath(next, origin);
}
