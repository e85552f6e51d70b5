import { importPreviewSchema, valuesResponseSchema } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import type { Db } from './db/database.js';

/**
 * Helpers for the import tests: files made the way HR systems and Excel write them, uploaded as
 * a browser does, and the figures read back through the API. For tests.
 */

/** A real multipart/form-data body, as a browser would send it. */
export async function multipart(bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([bytes]), fileName);
  const res = new Response(form);
  return { payload: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

export function uploader(app: FastifyInstance, cookie: string) {
  return async (bytes: Uint8Array, fileName: string, options: { dryRun?: boolean; fields?: Record<string, string> } = {}) => {
    const { payload, contentType } = await multipart(bytes, fileName, options.fields);
    return app.inject({
      method: 'POST',
      url: `/api/imports${options.dryRun ? '?dryRun=true' : ''}`,
      headers: { cookie, 'content-type': contentType },
      payload,
    });
  };
}

/** A dry run's parsed preview, after checking it answered 200. */
export async function previewOf(res: { statusCode: number; json: () => unknown; body: string }) {
  if (res.statusCode !== 200) throw new Error(`preview answered ${res.statusCode}: ${res.body}`);
  return importPreviewSchema.parse(res.json());
}

/** A unit's figure for a year as `/api/values` shows it to everyone. */
export async function figure(app: FastifyInstance, cookie: string, metric: string, unit: string, year: number) {
  const res = await app.inject({ method: 'GET', url: `/api/values?metric=${metric}&unit=${unit}&from=${year}&to=${year}`, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`values answered ${res.statusCode}: ${res.body}`);
  return valuesResponseSchema.parse(res.json()).points[0]!;
}

/** The figure stored for a unit itself (not its subtree), or undefined. */
export function stored(db: Db, unit: string, metric: string, year: number) {
  return db
    .prepare('SELECT numerator_c / 100.0 AS numerator, denominator_c / 100.0 AS denominator, group_size AS groupSize FROM metric_values WHERE unit_id = ? AND metric_key = ? AND year = ?')
    .get(unit, metric, year) as { numerator: number; denominator: number; groupSize: number | null } | undefined;
}

/** Swedish Excel's "CSV (semikolonavgränsad)": Windows-1252 bytes, CRLF. */
export const windows1252 = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');

/** Excel's "Unicode-text": UTF-16 little-endian with a byte-order mark, tab-separated, CRLF. */
export const unicodeText = (rows: string[][]) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.map((r) => r.join('\t')).join('\r\n') + '\r\n', 'utf16le')]);
