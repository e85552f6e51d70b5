import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

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
} satisfies HelmetOptions;

// helmet itself, not @fastify/helmet: that plugin rebuilt the whole policy on every request (a
// tenth of a millisecond each, see docs/benchmarks.md); the headers are the same every time, so
// helmet works them out once, on a response that is never sent, and they are set as they are.
/** The headers helmet sets with our options, worked out once. */
function securityHeaders(): Record<string, string> {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  helmet(HELMET_OPTIONS)(request, response, (err) => {
    if (err) throw err;
  });
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

/**
 * The headers that mean something on a script or style sheet: the policy, framing and referrer
 * headers act on documents only (a CSP sent with a script is ignored), so the web app's files
 * (`/assets/`, fetched with every first visit: twenty to forty of them) carry only these.
 */
const SUBRESOURCE_HEADERS = ['x-content-type-options', 'cross-origin-resource-policy'];

/**
 * An API answer (JSON, CSV, XLSX) is never a page to run: should a browser be led to open one,
 * it may load nothing and be framed by no one. Stricter than the pages' policy, and a third of
 * its bytes on every answer. The API's documentation (`/api/docs`) is a page and gets the
 * pages' headers.
 */
const API_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = securityHeaders();
  const assetHeaders = Object.fromEntries(SUBRESOURCE_HEADERS.map((name) => [name, headers[name] ?? '']));
  const apiHeaders = { ...assetHeaders, ...API_HEADERS };
  app.addHook('onRequest', (request, reply, done) => {
    const { url } = request;
    reply.headers(url.startsWith('/assets/') ? assetHeaders : url.startsWith('/api/') && !url.startsWith('/api/docs') ? apiHeaders : headers);
    done();
  });
}
