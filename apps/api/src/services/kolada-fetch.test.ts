import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKoladaDocuments } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { KOLADA_DEMO_DIR } from './kolada-demo.js';
import { fetchKoladaQuery, fetchKoladaSeries, KoladaFetchError } from './kolada-fetch.js';

const saved = (file: string) => readFileSync(join(KOLADA_DEMO_DIR, file), 'utf8');
const YEARS = '2015,2016,2017,2018,2019,2020,2021,2022,2023,2024,2025';
const FIRST_N00090 = `https://api.kolada.se/v3/data/kpi/N00090/municipality/0680/year/${YEARS}`;
const FIRST_N00216 = `https://api.kolada.se/v3/data/kpi/N00216/municipality/0680/year/${YEARS}`;

/** Kolada as the saved pages in the repository: the first page's next_url leads to the second. */
function savedKolada(): { fetch: typeof globalThis.fetch; asked: string[] } {
  const page1 = saved('n00090-0680-v3-page1.json');
  const pages = new Map<string, string>([
    [FIRST_N00090, page1],
    [JSON.parse(page1).next_url as string, saved('n00090-0680-v3-page2.json')],
    [FIRST_N00216, saved('n00216-0680-v2.json')],
  ]);
  const asked: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = String(input);
    asked.push(url);
    const body = pages.get(url);
    return body === undefined ? new Response('Not found', { status: 404 }) : new Response(body, { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, asked };
}

describe('fetchKoladaQuery', () => {
  it('follows next_url (v3) to the last page, and reads a v2 page, from the saved pages', async () => {
    const kolada = savedKolada();
    const docs = await fetchKoladaSeries(['N00090', 'N00216'], '0680', { from: 2015, to: 2025 }, { fetch: kolada.fetch });
    expect(kolada.asked).toEqual([FIRST_N00090, JSON.parse(saved('n00090-0680-v3-page1.json')).next_url, FIRST_N00216]);
    expect(docs.map((d) => d.url)).toEqual(kolada.asked);
    const parsed = parseKoladaDocuments(docs);
    expect(parsed.errors).toEqual([]);
    expect(parsed.pages.map((p) => p.version)).toEqual(['v3', 'v3', 'v2']);
    expect(new Set(parsed.rows.filter((r) => r.kpi === 'N00090').map((r) => r.period))).toEqual(new Set([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]));
  });

  it('follows v2 next_page links too, and stops on a link it has seen', async () => {
    const first = 'https://api.kolada.se/v2/data/kpi/N00090/municipality/0680';
    const second = `${first}?page=2`;
    const bodies: Record<string, object> = { [first]: { values: [], count: 0, next_page: second }, [second]: { values: [], count: 0, next_page: first } };
    const asked: string[] = [];
    const docs = await fetchKoladaQuery(first, {
      fetch: async (input) => {
        asked.push(String(input));
        return new Response(JSON.stringify(bodies[String(input)]));
      },
    });
    expect(asked).toEqual([first, second]);
    expect(docs).toHaveLength(2);
  });

  it('gives up with a clear message when Kolada does not answer in time', async () => {
    const never: typeof globalThis.fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const failure = fetchKoladaQuery(FIRST_N00090, { fetch: never, timeoutMs: 20 });
    await expect(failure).rejects.toBeInstanceOf(KoladaFetchError);
    await expect(failure).rejects.toThrow(/svarade inte inom/);
  });

  it('says when there is no connection, and names an HTTP error', async () => {
    const offline: typeof globalThis.fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.kolada.se'), { code: 'ENOTFOUND' }) });
    };
    await expect(fetchKoladaQuery(FIRST_N00090, { fetch: offline })).rejects.toThrow(/ingen internetanslutning/);
    await expect(fetchKoladaQuery('https://api.kolada.se/v3/data/kpi/N00001/municipality/0680', { fetch: savedKolada().fetch })).rejects.toThrow(/HTTP 404/);
  });

  it('does not follow a link to another host', async () => {
    const fetch: typeof globalThis.fetch = async () => new Response(JSON.stringify({ values: [], next_url: 'https://example.org/x' }));
    await expect(fetchKoladaQuery(FIRST_N00090, { fetch })).rejects.toThrow(/annan värd/);
  });
});
