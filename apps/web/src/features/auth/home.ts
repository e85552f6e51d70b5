import { homePath, safeNextPath, type Me } from '@tillit/domain';

/**
 * Where a person lands after signing in: politicians read the summary, a unit manager the
 * overview of their own (first) unit, the development manager the whole organisation (the
 * domain's rule, which the provider's callback on the server follows too).
 */
export function homeFor(me: Pick<Me, 'role' | 'unitIds'>): string {
  return homePath(me);
}

/** A `next` location from the sign-in page's URL, as a path on `origin` (this site), or null. */
export function safeNext(next: string | null, origin: string): string | null {
  return safeNextPath(next, origin);
}
