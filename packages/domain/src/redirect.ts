import type { Role } from './roles.js';

/**
 * Where the sign-in page may send someone afterwards (`/login?next=…`): only a path on this
 * site. Both the web page and the server (which answers /login) use this one rule.
 */

// A backslash is read as a slash by browsers (`/\evil.example` is `//evil.example`), and the URL
// parser drops tabs and newlines (`/<tab>/evil.example` too): no path of this site has either.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE = /[\\\u0000-\u001f\u007f]/;
const MAX_LENGTH = 2000;

// The WHATWG URL parser, as browsers and Node.js have it; the domain's ES-only lib does not declare it.
interface ParsedUrl {
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}
declare const URL: new (input: string, base?: string | ParsedUrl) => ParsedUrl;
const MAX_DECODINGS = 3;

/**
 * `next` as a path on `origin` (path, query and fragment), or null when it is missing, not a
 * path (`https://…`, `//…`, `javascript:…`), leads off this origin once parsed, holds a
 * backslash or a control character (also after percent-decoding), or is the sign-in page itself.
 */
export function safeNextPath(next: string | null | undefined, origin: string): string | null {
  if (!next || next.length > MAX_LENGTH || !next.startsWith('/')) return null;
  let text = next;
  for (let i = 0; i <= MAX_DECODINGS; i++) {
    if (UNSAFE.test(text) || text.startsWith('//')) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return null;
    }
    if (decoded === text) break;
    if (i === MAX_DECODINGS) return null;
    text = decoded;
  }
  let base: ParsedUrl;
  let url: ParsedUrl;
  try {
    base = new URL(origin);
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.pathname.startsWith('/login')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Where a person lands after signing in: politicians read the summary, a unit manager the
 * overview of their own (first) unit, the development manager the whole organisation. The
 * sign-in page and the provider's callback (which signs in on the server) use this one rule.
 */
export function homePath(me: { role: Role; unitIds: readonly string[] }): string {
  if (me.role === 'politician') return '/summary';
  const [own] = me.unitIds;
  return me.role === 'unit_manager' && own ? `/?unit=${encodeURIComponent(own)}` : '/';
}
