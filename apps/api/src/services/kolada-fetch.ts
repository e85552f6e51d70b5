import { koladaDataUrl } from '@tillit/domain';
import type { KoladaInputDocument } from './kolada.js';

const KOLADA_API = 'https://api.kolada.se/v3';

export class KoladaFetchError extends Error {
  override name = 'KoladaFetchError';
}

export interface KoladaFetchOptions {
  /** Injected so tests serve saved pages without the network. */
  fetch?: typeof globalThis.fetch;
  /** Per request. */
  timeoutMs?: number;
  /** A guard against a chain of links that never ends. */
  maxPages?: number;
  baseUrl?: string;
}

const nextLink = (body: unknown): string | null => {
  if (body === null || typeof body !== 'object') return null;
  const { next_url: v3, next_page: v2 } = body as { next_url?: unknown; next_page?: unknown };
  const link = v3 ?? v2;
  return typeof link === 'string' && link !== '' ? link : null;
};

/** Why a request failed, in words a person at a command line can act on. */
function describeFailure(err: unknown, url: string, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return `Kolada svarade inte inom ${Math.round(timeoutMs / 1000)} s (${url}). Försök igen senare, eller spara sidorna och importera filerna.`;
  }
  const code = e.cause?.code ?? '';
  const offline = ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'ECONNRESET', 'EHOSTUNREACH'].includes(code);
  const detail = [code, e.cause?.message ?? e.message].filter(Boolean).join(' ');
  return offline
    ? `Kunde inte nå Kolada (${new URL(url).host}): ingen internetanslutning? (${detail}). Spara sidorna på en dator med internet och kör npm run kolada -- FIL.json.`
    : `Hämtningen från Kolada misslyckades (${url}): ${detail || 'okänt fel'}.`;
}

/**
 * Fetches the pages of one data query, following `next_url` (v3) or `next_page` (v2). Links
 * are followed only on the same host as the first URL. Each page is returned as text with
 * its URL, to be parsed and imported like a saved file.
 */
export async function fetchKoladaQuery(firstUrl: string, options: KoladaFetchOptions = {}): Promise<KoladaInputDocument[]> {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxPages = options.maxPages ?? 50;
  const host = new URL(firstUrl).host;
  const pages: KoladaInputDocument[] = [];
  const visited = new Set<string>();
  let url: string | null = firstUrl;
  while (url !== null) {
    if (visited.has(url)) break;
    if (pages.length >= maxPages) throw new KoladaFetchError(`Fler än ${maxPages} sidor från Kolada för ${firstUrl}: avbryter.`);
    if (new URL(url).host !== host) throw new KoladaFetchError(`Kolada länkade till en annan värd (${url}); följer bara länkar till ${host}.`);
    visited.add(url);
    let text: string;
    try {
      const response = await fetchFn(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new KoladaFetchError(`Kolada svarade HTTP ${response.status} för ${url}.`);
      text = await response.text();
    } catch (err) {
      if (err instanceof KoladaFetchError) throw err;
      throw new KoladaFetchError(describeFailure(err, url, timeoutMs), { cause: err });
    }
    pages.push({ name: url, text, url });
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      break; // the import names the page that is not JSON
    }
    url = nextLink(body);
  }
  return pages;
}

/** Every page of each KPI for one municipality and the years `from`–`to`. */
export async function fetchKoladaSeries(
  kpis: readonly string[],
  municipality: string,
  years: { from: number; to: number },
  options: KoladaFetchOptions = {},
): Promise<KoladaInputDocument[]> {
  const list = Array.from({ length: years.to - years.from + 1 }, (_, i) => years.from + i);
  const pages: KoladaInputDocument[] = [];
  for (const kpi of kpis) pages.push(...(await fetchKoladaQuery(koladaDataUrl(kpi, municipality, list, options.baseUrl ?? KOLADA_API), options)));
  return pages;
}
