import { healthResponseSchema, valuesResponseSchema } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { ApiError, buildUrl, CLIENT_ERROR_CODES, createApiClient } from './client';

/** A fetch that answers every request with one fixed response, and records the URLs asked for. */
function answering(body: string, init: ResponseInit = {}) {
  const urls: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    urls.push(String(input));
    return new Response(body, { headers: { 'content-type': 'application/json' }, ...init });
  };
  return { fetch, urls };
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('buildUrl', () => {
  it('adds the defined parameters only', () => {
    expect(buildUrl('', '/api/values', { metric: 'staff_turnover', unit: 'soc', from: undefined, to: 2024 })).toBe(
      '/api/values?metric=staff_turnover&unit=soc&to=2024',
    );
    expect(buildUrl('http://x', '/api/health')).toBe('http://x/api/health');
  });
});

describe('createApiClient', () => {
  it('a preloaded request answers the next get of the same address, once', async () => {
    const { fetch, urls } = answering(JSON.stringify({ status: 'ok', version: '0.1.0', isDemo: true }));
    const client = createApiClient({ fetch });
    client.preload('/api/health', { probe: 1 });
    expect(urls).toEqual(['/api/health?probe=1']);
    expect(await client.get('/api/health', healthResponseSchema, { params: { probe: 1 } })).toEqual({ status: 'ok', version: '0.1.0', isDemo: true });
    expect(urls).toHaveLength(1);
    // Taken: the next get asks again; another address never takes it.
    await client.get('/api/health', healthResponseSchema, { params: { probe: 1 } });
    client.preload('/api/health', { probe: 2 });
    await client.get('/api/health', healthResponseSchema, { params: { probe: 3 } });
    expect(urls).toEqual(['/api/health?probe=1', '/api/health?probe=1', '/api/health?probe=2', '/api/health?probe=3']);
  });

  it('parses a response with the shared schema', async () => {
    const { fetch, urls } = answering(JSON.stringify({ status: 'ok', version: '0.1.0', isDemo: true }));
    const health = await createApiClient({ fetch }).get('/api/health', healthResponseSchema);
    expect(health).toEqual({ status: 'ok', version: '0.1.0', isDemo: true });
    expect(urls).toEqual(['/api/health']);
  });

  it('turns the error envelope into a typed ApiError', async () => {
    const envelope = {
      error: {
        code: 'NOT_FOUND',
        message: 'Nyckeltalet finns inte',
        details: [{ path: 'metric', message: 'okänd nyckel' }],
        requestId: 'req-7',
      },
    };
    const { fetch } = answering(JSON.stringify(envelope), { status: 404 });
    const error = await caught(createApiClient({ fetch }).get('/api/values', valuesResponseSchema, { params: { metric: 'x', unit: 'soc' } }));
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Nyckeltalet finns inte', requestId: 'req-7' });
    expect(error.details).toEqual([{ path: 'metric', message: 'okänd nyckel' }]);
    expect(error.isNotFound).toBe(true);
    expect(error.isClientError).toBe(true);
  });

  it('gives an http error when the error body is not an envelope', async () => {
    const { fetch } = answering('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    const error = await caught(createApiClient({ fetch }).get('/api/health', healthResponseSchema));
    expect(error).toMatchObject({ status: 502, code: CLIENT_ERROR_CODES.http });
    expect(error.isClientError).toBe(false);
  });

  it('rejects a successful body that does not match the schema', async () => {
    const { fetch } = answering('<!doctype html><html></html>');
    const error = await caught(createApiClient({ fetch }).get('/api/health', healthResponseSchema));
    expect(error.code).toBe(CLIENT_ERROR_CODES.invalidResponse);
    expect(error.status).toBe(200);
  });

  it('names which field of the response was wrong', async () => {
    const { fetch } = answering(JSON.stringify({ status: 'ok', version: 1, isDemo: true }));
    const error = await caught(createApiClient({ fetch }).get('/api/health', healthResponseSchema));
    expect(error.details.map((d) => d.path)).toEqual(['version']);
  });

  it('gives a network error when there is no answer', async () => {
    const fetch: typeof globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await caught(createApiClient({ fetch }).get('/api/health', healthResponseSchema));
    expect(error).toMatchObject({ status: 0, code: CLIENT_ERROR_CODES.network, message: 'Failed to fetch' });
  });
});
