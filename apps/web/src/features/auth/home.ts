import type { Me } from '@tillit/domain';

/**
 * Where a person lands after signing in: politicians read the summary, a unit manager the
 * overview of their own (first) unit, the development manager the whole organisation.
 */
export function homeFor(me: Pick<Me, 'role' | 'unitIds'>): string {
  if (me.role === 'politician') return '/summary';
  const [own] = me.unitIds;
  return me.role === 'unit_manager' && own ? `/?unit=${encodeURIComponent(own)}` : '/';
}

/** A `next` location from the sign-in page's URL, kept inside this site. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
