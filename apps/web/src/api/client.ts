import { errorEnvelopeSchema, type ErrorEnvelope } from '@tillit/domain';

type ErrorDetail = NonNullable<ErrorEnvelope['error']['details']>[number];

/**
 * What the client parses an answer with: the domain's named response schema, written with
 * zod/mini, so that the checks every page needs cost a few kB (sizes per route: docs/benchmarks.md).
 */
export interface ResponseParser<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** Codes the client gives errors that never reached the API's error handler. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  http: 'http_error',
  invalidResponse: 'invalid_response',
} as const;

/**
 * An error from the API, typed: the envelope's code, message, details and request id, or one of
 * CLIENT_ERROR_CODES when the answer never was an envelope (no connection, a proxy's HTML page,
 * a body that does not match the schema). `status` is 0 when there was no answer at all.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly details: readonly ErrorDetail[];
  /** The answer's parsed body, for the few routes whose errors are not envelopes (an import's 422). */
  readonly body: unknown;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string | null;
    details?: readonly ErrorDetail[];
    body?: unknown;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.details = init.details ?? [];
    this.body = init.body;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** A request that will fail the same way if it is sent again. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export type QueryParams = Record<string, string | number | undefined>;

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClient {
  /** GETs `path` and returns the body parsed with `schema`; throws ApiError otherwise. */
  get<T>(path: string, schema: ResponseParser<T>, options?: { params?: QueryParams; signal?: AbortSignal }): Promise<T>;
  /**
   * Sends a write with a JSON body (or none) and returns the answer parsed with `schema`
   * (an empty 204 parses as `undefined`); throws ApiError otherwise.
   */
  send<T>(method: WriteMethod, path: string, schema: ResponseParser<T>, body?: unknown): Promise<T>;
  /**
   * POSTs a multipart form (a file upload) and returns the answer parsed with `schema`; throws
   * ApiError otherwise. No content-type header: the browser sets it with the boundary.
   */
  upload<T>(path: string, schema: ResponseParser<T>, formData: FormData, params?: QueryParams): Promise<T>;
  /**
   * Starts a GET now, before the code that parses its answer has loaded: the next `get` of the
   * same path and parameters takes this answer instead of asking again (within a minute).
   */
  preload(path: string, params?: QueryParams): void;
}

export function buildUrl(baseUrl: string, path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const query = search.toString();
  return `${baseUrl}${path}${query ? `?${query}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFromResponse(response: Response, body: unknown): ApiError {
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (envelope.success) {
    const { code, message, details, requestId } = envelope.data.error;
    return new ApiError({ status: response.status, code, message, requestId, details: details ?? [] });
  }
  return new ApiError({
    status: response.status,
    code: CLIENT_ERROR_CODES.http,
    message: `HTTP ${response.status} ${response.statusText}`.trim(),
    requestId: response.headers.get('x-request-id'),
    body,
  });
}

/** The one fetch client. `fetch` is passed in so tests can answer without a server. */
export function createApiClient({ fetch, baseUrl = '' }: { fetch: typeof globalThis.fetch; baseUrl?: string }): ApiClient {
  const preloaded = new Map<string, { response: Promise<Response>; at: number }>();
  const GET = { headers: { accept: 'application/json' } };

  /** A preloaded answer for `url`, taken once. */
  function takePreloaded(url: string): Promise<Response> | undefined {
    const found = preloaded.get(url);
    preloaded.delete(url);
    return found && Date.now() - found.at < 60_000 ? found.response : undefined;
  }

  async function request<T>(path: string, init: RequestInit, schema: ResponseParser<T>, early?: Promise<Response>): Promise<T> {
    let response: Response;
    try {
      response = await (early ?? fetch(path, { ...init, credentials: 'same-origin' }));
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message });
    }
    const body = await readJson(response);
    if (!response.ok) throw errorFromResponse(response, body);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError({
        status: response.status,
        code: CLIENT_ERROR_CODES.invalidResponse,
        message: `Unexpected response from ${path}`,
        requestId: response.headers.get('x-request-id'),
        details: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
      });
    }
    return parsed.data;
  }

  return {
    get(path, schema, { params, signal } = {}) {
      const url = buildUrl(baseUrl, path, params);
      return request(url, { ...GET, signal }, schema, takePreloaded(url));
    },
    preload(path, params) {
      const url = buildUrl(baseUrl, path, params);
      const response = fetch(url, { ...GET, credentials: 'same-origin' });
      // Not taken: nobody waits for it, so a failure is nobody's error.
      response.catch(() => undefined);
      preloaded.set(url, { response, at: Date.now() });
    },
    send(method, path, schema, body) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      return request(
        buildUrl(baseUrl, path),
        { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
        schema,
      );
    },
    upload(path, schema, formData, params) {
      return request(buildUrl(baseUrl, path, params), { method: 'POST', headers: { accept: 'application/json' }, body: formData }, schema);
    },
  };
}

export const apiClient = createApiClient({ fetch: (input, init) => globalThis.fetch(input, init) });
