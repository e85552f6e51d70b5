import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../plugins/compression.js';
import { createTestApp, signIn } from '../test-app.js';

// Text leaves the server compressed as the client accepts (plugins/compression.ts); what is
// compressed already (XLSX) does not; the web app's files go as compressed at build time.

let app: FastifyInstance;
let dm: string;
let web: string;
const SCRIPT = `console.log(${JSON.stringify('Tillit '.repeat(400))});`;
beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'tillit-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tillit</title>');
  // Made at build time (apps/web/vite.config.ts); here by hand, so the test can tell them apart.
  writeFileSync(join(web, 'index.html.br'), brotliCompressSync('<!doctype html><title>Tillit (br)</title>'));
  writeFileSync(join(web, 'assets/app.js'), SCRIPT);
  writeFileSync(join(web, 'assets/app.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(web, 'assets/app.js.gz'), gzipSync(SCRIPT));
  ({ app } = await createTestApp({ webRoot: web }));
  dm = await signIn(app, 'utvecklingschef');
});
afterAll(async () => {
  await app.close();
  rmSync(web, { recursive: true, force: true });
});

const get = (url: string, encoding?: string, cookie: string | null = dm) =>
  app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...(encoding ? { 'accept-encoding': encoding } : {}) } });
const decode = (body: Buffer, encoding: string | undefined): string =>
  (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8');

describe('compressed answers', () => {
  it.each(['/api/values?metric=manager_sick_leave&unit=soc', '/api/summary', '/api/units', '/api/metrics'])(
    '%s in brotli, gzip or as it is, the same answer each way',
    async (url) => {
      const plain = await get(url);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const [accept, expected] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0.5, gzip', 'gzip'],
        ['identity', undefined],
      ] as const) {
        const res = await get(url, accept);
        expect(res.headers['content-encoding'], accept).toBe(expected);
        expect(res.headers.vary).toContain('accept-encoding');
        const json = JSON.parse(decode(res.rawPayload, expected));
        // The summary's time is when it was put together: the same for both, as is everything else.
        expect(json).toEqual(plain.json());
        if (expected) expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      }
    },
  );

  it('compresses other text answers over a kilobyte, as the client accepts', async () => {
    const res = await get('/api/openapi.json', 'br', null);
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode(res.rawPayload, 'br')).openapi).toMatch(/^3\./);
    const gz = await get('/api/openapi.json', 'gzip', null);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(gz.rawPayload, 'gzip'))).toEqual(JSON.parse(decode(res.rawPayload, 'br')));
    // Under a kilobyte it is not worth it: a unit's CSV goes as it is.
    const csv = await get('/api/export/values.csv?metric=staff_turnover&unit=soc', 'gzip');
    expect(csv.headers['content-encoding']).toBeUndefined();
    expect(csv.body).toContain('Personalomsättning');
  });

  it('sends an Excel workbook as it is: it is a zip already', async () => {
    const res = await get('/api/export/values.xlsx?metric=staff_turnover&unit=soc', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it("serves the web app's files as compressed at build time", async () => {
    const br = await get('/assets/app.js', 'gzip, deflate, br', null);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(decode(br.rawPayload, 'br')).toBe(SCRIPT);
    const gz = await get('/assets/app.js', 'gzip', null);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decode(gz.rawPayload, 'gzip')).toBe(SCRIPT);
    expect((await get('/assets/app.js', undefined, null)).body).toBe(SCRIPT);
    // The page itself, for any path of the app: the `.br` written beside it.
    const page = await get('/metrics/staff_turnover', 'br', null);
    expect(page.headers['content-encoding']).toBe('br');
    expect(decode(page.rawPayload, 'br')).toContain('Tillit (br)');
  });
});

describe('headers of the web app\'s files', () => {
  it('a script carries what acts on a script (nosniff), a page the whole policy', async () => {
    const script = await get('/assets/app.js', 'br', null);
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(script.headers['content-security-policy']).toBeUndefined();
    const page = await get('/summary', 'br', null);
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a hashed chunk is kept for a year and carries no validators; a page is asked again and answered 304 when unchanged', async () => {
    const script = await get('/assets/app.js', 'br', null);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers.etag).toBeUndefined();
    expect(script.headers['last-modified']).toBeUndefined();
    expect(script.headers['accept-ranges']).toBeUndefined();
    const page = await get('/summary', 'br', null);
    expect(page.headers['cache-control']).toBe('no-cache');
    const again = await app.inject({ method: 'GET', url: '/summary', headers: { 'accept-encoding': 'br', 'if-none-match': String(page.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q-values and *', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('gzip;q=0.2, br;q=0.1')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('gzip;q=0, *;q=0')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
