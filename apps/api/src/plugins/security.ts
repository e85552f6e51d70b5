import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers, with a Content-Security-Policy the built app runs under: scripts only from
 * this origin, no framing. Inline style attributes are allowed because the charts set them.
 */
const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: false,
};

type HeaderSink = { setHeader(name: string, value: string | number): void; removeHeader(name: string): void };
type Helmet = (options: typeof HELMET_OPTIONS) => (req: object, res: HeaderSink, next: (err?: unknown) => void) => void;

// helmet as @fastify/helmet depends on it. That plugin rebuilt the whole policy on every request
// (a tenth of a millisecond each, see docs/benchmarks.md); the headers are the same every time,
// so they are worked out once, by helmet itself, and set as they are.
const requireHere = createRequire(import.meta.url);
const helmet = createRequire(requireHere.resolve('@fastify/helmet'))('helmet') as Helmet;

/** The headers helmet sets with our options, worked out once. */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const sink: HeaderSink = {
    setHeader: (name, value) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name) => void delete headers[name.toLowerCase()],
  };
  helmet(HELMET_OPTIONS)({}, sink, (err) => {
    if (err) throw err;
  });
  return headers;
}

/**
 * The headers that mean something on a script or style sheet: the policy, framing and referrer
 * headers act on documents only (a CSP sent with a script is ignored), so the web app's files
 * (`/assets/`, fetched with every first visit: twenty to forty of them) carry only these.
 */
const SUBRESOURCE_HEADERS = ['x-content-type-options', 'cross-origin-resource-policy'];

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = securityHeaders();
  const assetHeaders = Object.fromEntries(SUBRESOURCE_HEADERS.map((name) => [name, headers[name] ?? '']));
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/assets/') ? assetHeaders : headers);
    done();
  });
}
