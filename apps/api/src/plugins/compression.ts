import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedAnswer, Encoding } from '../http/response-cache.js';

/**
 * Text answers leave the server compressed as the client accepts (brotli, else gzip): the web
 * app's files are compressed at build time (`.br`, `.gz` beside each, served by
 * @fastify/static's `preCompressed`), cached answers keep a compressed copy
 * (http/response-cache.ts, sent by `sendAnswer`), and every other answer of a compressible
 * type (JSON, CSV, HTML, SVG) over 1 kB is compressed on the fly here. What is compressed
 * already (XLSX, PNG: not compressible in mime-db) goes as it is.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Requests are not decompressed: no route takes a compressed body, and the hook would run on every one.
  await app.register(fastifyCompress, { global: true, globalDecompression: false, encodings: ['br', 'gzip'], threshold: 1024 });
}

// Browsers send the same few Accept-Encoding values; each is read once.
const choices = new Map<string, Encoding | null>();

/** The encoding to send an answer in: brotli, else gzip, else none; q-values honoured. */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const known = choices.get(header);
  if (known !== undefined) return known;
  const weights = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.map((p) => /^q=([0-9.]+)$/.exec(p.replace(/\s+/g, ''))).find((m) => m !== null);
    if (name) weights.set(name, q ? Number(q[1]) : 1);
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  const choice: Encoding | null = br > 0 && br >= gzip ? 'br' : gzip > 0 ? 'gzip' : null;
  if (choices.size < 100) choices.set(header, choice);
  return choice;
}

/** Whether `If-None-Match` names this entity tag (weak comparison, RFC 9110 13.1.2). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.startsWith('W/') ? etag.slice(2) : etag;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return (t.startsWith('W/') ? t.slice(2) : t) === bare;
  });
}

/**
 * Sends a cached answer: `304 Not Modified` when the client holds it already (its
 * `If-None-Match`), else the body in the best encoding the client accepts, made once per answer.
 * Call only once the caller may see the answer (the access check and the route's own checks
 * have passed), so a 304 never tells anyone more than the answer would.
 */
export function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer, cacheControl: string): FastifyReply {
  void reply.header('etag', answer.etag).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (matchesEtag(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  void reply.type('application/json; charset=utf-8');
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (encoding === null) return reply.send(answer.body);
  return reply.header('content-encoding', encoding).send(answer.encoded(encoding));
}

/** Where a session decides the answer: only the browser may keep it, and must ask again each time. */
export const PRIVATE = 'private, no-cache';

/** Sends JSON serialised (and checked against the route's schema) already, as it is. */
export function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
