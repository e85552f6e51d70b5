import type { Role } from '@tillit/domain';

/** Where a person lands after signing in: politicians read the summary, staff the overview. */
export function homeFor(role: Role): string {
  return role === 'politician' ? '/summary' : '/';
}

/** A `next` location from the sign-in page's URL, kept inside this site. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
