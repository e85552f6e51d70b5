import type { DemoAccounts, HealthResponse, LoginBody, Me, ProvidersResponse } from '@tillit/domain';

/**
 * The few API calls of the sign-in page, without the app's client: that client parses with zod,
 * and this page's point is to load without it. The answers are trusted as typed (the server
 * writes them through the routes' zod response schemas); a failure keeps what the app's client
 * would have said: the error envelope's message, `HTTP <status>`, or the network error.
 */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function envelopeMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const { error } = body;
  if (typeof error !== 'object' || error === null || !('message' in error)) return null;
  return typeof error.message === 'string' ? error.message : null;
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin', headers: { accept: 'application/json', ...init.headers } });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new SignInError(0, cause instanceof Error ? cause.message : String(cause));
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    throw new SignInError(response.status, envelopeMessage(body) ?? `HTTP ${response.status} ${response.statusText}`.trim());
  }
  return body as T;
}

/** The signed-in person, or null when nobody is signed in. */
export async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await request<Me>('/api/auth/me', { signal });
  } catch (error) {
    if (error instanceof SignInError && error.status === 401) return null;
    throw error;
  }
}

export const fetchDemoAccounts = (signal: AbortSignal) => request<DemoAccounts>('/api/auth/demo-accounts', { signal });

export const fetchHealth = (signal: AbortSignal) => request<HealthResponse>('/api/health', { signal });

/** How one signs in here: password, the organisation's identity provider, or both. */
export const fetchProviders = (signal: AbortSignal) => request<ProvidersResponse>('/api/auth/providers', { signal });

export const signIn = (body: LoginBody) =>
  request<Me>('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
