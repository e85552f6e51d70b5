/**
 * Fault tests: property-based fuzzing of every write route and of the importer. Two rules hold
 * for every request: never a 5xx, and a refused request (4xx) changes nothing — every table's
 * content hashes the same before and after (see `digest` in test-fuzz.ts for the one exclusion).
 *
 * The write routes come from the app itself (`app.routeAccess`), so a write route added later is
 * fuzzed by the generic pass without anyone touching this file. The main routes also get
 * targeted input close to valid, so that the fuzz gets past the schemas into the services.
 * Deterministic: a fixed seed (FUZZ_SEED to explore others); a failure prints its seed and path.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CALLERS,
  fromSchema,
  FUZZ_SCALE,
  FUZZ_SEED,
  FuzzHarness,
  hostileBody,
  hostileQuery,
  jsonBody,
  nearValid,
  paramValue,
  trickyScalar,
  type Caller,
  type Hints,
  type JsonSchema,
} from '../test-fuzz.js';

const harness = new FuzzHarness();
await harness.start();
afterAll(async () => {
  if (process.env.FUZZ_STATS) {
    for (const [route, counts] of [...harness.stats].sort()) console.log(route, Object.fromEntries([...counts].sort((a, b) => a[0] - b[0])));
  }
  await harness.close();
});

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const writeRoutes = harness.app.routeAccess.filter((r) => UNSAFE.has(r.method));

// What exists in the demo database, so that fuzzed ids and keys often hit real rows.
const pluck = (sql: string) => harness.db.prepare(sql).pluck().all().map(String);
const UNIT_IDS = pluck('SELECT id FROM units ORDER BY id');
const UNIT_NAMES = pluck('SELECT name FROM units ORDER BY id');
const METRIC_KEYS = pluck('SELECT key FROM metrics ORDER BY key');
const METRIC_NAMES = pluck('SELECT name_sv FROM metrics ORDER BY key');
const PRINCIPLE_KEYS = pluck('SELECT key FROM principles ORDER BY key');
const OWN_UNITS = ['hemtjanst-hemtjanst-oster', 'hemtjanst-hemtjanst-vaster'];
const KNOWN = [...UNIT_IDS.slice(0, 5), ...METRIC_KEYS, ...PRINCIPLE_KEYS, ...OWN_UNITS];

// Field names that refer to rows: generated values often name a real one.
const hints: Hints = (name) => {
  if (/^(unitIds?|parentId|unit|to|from|predecessors|successors)$/.test(name)) return fc.constantFrom(...OWN_UNITS, ...UNIT_IDS);
  if (/^(metricKey|metric|addedMetricKey|metricKeys)$/.test(name)) return fc.constantFrom(...METRIC_KEYS);
  if (/^key$/.test(name)) return fc.constantFrom(...METRIC_KEYS, ...PRINCIPLE_KEYS);
  if (/^(year|yearTo|fromYear|yearFrom)$/.test(name)) return fc.integer({ min: 2015, max: 2027 });
  if (/^kpi$/.test(name)) return fc.constantFrom('N00090', 'N00216', 'N00206');
  if (/^(id|batchId)$/.test(name)) return fc.integer({ min: 1, max: 12 });
  return null;
};

interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string; schema: JsonSchema }[];
}
const openApi = harness.app.swagger() as unknown as { paths: Record<string, Record<string, Operation | undefined> | undefined> };

const callers = fc.constantFrom(...CALLERS);
// Targeted runs mostly sign in as someone who may write, so that most requests reach the service.
const writers = fc.oneof(
  { weight: 5, arbitrary: fc.constant('development_manager' as const) },
  { weight: 3, arbitrary: fc.constant('unit_manager' as const) },
  { weight: 1, arbitrary: fc.constantFrom('politician' as const, 'anonymous' as const) },
);
const staff = fc.constantFrom('development_manager' as const, 'unit_manager' as const);
const ids = (sql: string) => fc.nat().map((i) => {
  const all = pluck(sql);
  return all.length ? all[i % all.length]! : '1';
});
const idOrJunk = (sql: string) => fc.oneof({ weight: 4, arbitrary: ids(sql) }, { weight: 1, arbitrary: paramValue([]) });
const path = (template: string, segment: string) => template.replace(/:[A-Za-z]+/g, () => segment);
// A path segment as sent: encoded values, and raw bytes that are not valid percent-encoding.
const segment = fc.oneof(
  { weight: 9, arbitrary: paramValue(KNOWN).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%C3%28', '..%2F..', '%00') },
);

function run<Ts>(property: fc.IAsyncPropertyWithHooks<Ts>, numRuns: number): Promise<void> {
  harness.label = expect.getState().currentTestName ?? '';
  return fc.assert(property, { seed: FUZZ_SEED, numRuns: Math.round(numRuns * FUZZ_SCALE) });
}

describe('the harness', () => {
  // The fault checks must be able to fail: a write slipped in behind a refusal is caught, and a
  // rolled-back one is not a write.
  const sneak = (write: () => void) => {
    const inject = harness.app.inject.bind(harness.app) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
    Object.assign(harness.app, {
      inject: async (options: InjectOptions) => {
        write();
        return inject(options);
      },
    });
  };
  const anonymousNote = { caller: 'anonymous' as const, method: 'POST', url: '/api/annotations', ...jsonBody({}) };

  it('catches a write behind a refused request', async () => {
    const { inject } = harness.app;
    sneak(() => harness.db.prepare("UPDATE units SET name = name || '.' WHERE rowid = (SELECT min(rowid) FROM units)").run());
    try {
      await expect(harness.send(anonymousNote)).rejects.toThrow(/refused request changed the database/);
    } finally {
      Object.assign(harness.app, { inject });
      harness.db.prepare("UPDATE units SET name = substr(name, 1, length(name) - 1) WHERE rowid = (SELECT min(rowid) FROM units)").run();
    }
  });

  it('does not count a rolled-back write', async () => {
    const { inject } = harness.app;
    const failing = harness.db.transaction(() => {
      harness.db.prepare("UPDATE units SET name = 'x'").run();
      throw new Error('rolled back');
    });
    sneak(() => expect(() => failing()).toThrow('rolled back'));
    try {
      expect((await harness.send(anonymousNote)).statusCode).toBe(401);
    } finally {
      Object.assign(harness.app, { inject });
    }
  });
});

describe('every write route (generic pass, taken from the app)', () => {
  it('finds the write routes in the app', () => {
    const list = writeRoutes.map((r) => `${r.method} ${r.url}`);
    expect(list).toEqual(expect.arrayContaining(['POST /api/annotations', 'POST /api/imports', 'PATCH /api/users/:id']));
  });

  // Each route: its own input schema (from the OpenAPI document) made values that are mostly
  // valid, then broken a little, or hostile from the start; from every kind of caller, mostly
  // those the route lets in. Sign-ins hash a password, so the auth routes get fewer runs.
  it.each(writeRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', async (_name, route) => {
    const operation = openApi.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
    const bodySchema = operation?.requestBody?.content?.['application/json']?.schema;
    const pathSchemas = new Map((operation?.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema]));
    const param = route.url.match(/:([A-Za-z]+)/)?.[1];
    const paramSchema = param ? pathSchemas.get(param) : undefined;
    const routeSegment = paramSchema
      ? fc.oneof({ weight: 2, arbitrary: fromSchema(paramSchema, hints, param).map((v) => encodeURIComponent(String(v))) }, { weight: 3, arbitrary: segment })
      : segment;
    const body = bodySchema
      ? fc.oneof(
          { weight: 3, arbitrary: nearValid(fromSchema(bodySchema, hints)).map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' as string | undefined })) },
          { weight: 2, arbitrary: hostileBody },
        )
      : hostileBody;
    const allowed = route.access === 'public' ? CALLERS : route.access;
    const caller = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(allowed as Caller[])) }, { weight: 1, arbitrary: callers });
    const numRuns = route.url.startsWith('/api/auth') ? 15 : 40;
    await run(
      fc.asyncProperty(caller, routeSegment, hostileQuery, body, async (who, seg, query, b) => {
        await harness.send({
          caller: who,
          method: route.method,
          url: path(route.url, seg) + query,
          headers: b.contentType ? { 'content-type': b.contentType } : {},
          payload: b.payload,
        });
      }),
      numRuns,
    );
  });
});

// ——— targeted: close to valid ———

// Mostly valid values (the mutations of `nearValid` add the hostile ones), with the edges nearby.
const year = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1988, max: 2102 }) }, { weight: 1, arbitrary: trickyScalar });
const text = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-zÅÄÖåäö0-9 ,.\n]{1,40}$/) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('  ', 'a\u0007b', 'rad 1\r\nrad 2', 'x'.repeat(4001), 'x'.repeat(4000), '<b>fet</b>') },
);
const unitId = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...OWN_UNITS, ...UNIT_IDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 70 }) });
const metricKey = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...METRIC_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 70 }) });
const localized = fc.record({ sv: text, en: text });

describe('annotations', () => {
  const note = nearValid(
    fc.record({ unitId, metricKey, year, yearTo: fc.option(fc.nat(3).map((n) => 2019 + n), { nil: undefined }), text, visibility: fc.constantFrom('internal', 'public') }),
  );
  it('POST /api/annotations', async () => {
    await run(fc.asyncProperty(writers, note, async (caller, body) => {
      await harness.send({ caller, method: 'POST', url: '/api/annotations', ...jsonBody(body) });
    }), 150);
  });

  const anyNote = idOrJunk('SELECT id FROM annotations ORDER BY id');
  it('PATCH, reply and DELETE /api/annotations/:id', async () => {
    const change = nearValid(fc.record({ text, visibility: fc.constantFrom('internal', 'public'), year, yearTo: fc.option(year, { nil: null }) }, { requiredKeys: [] }));
    const action = fc.oneof(
      fc.record({ method: fc.constant('PATCH'), suffix: fc.constant(''), body: change }),
      fc.record({ method: fc.constant('POST'), suffix: fc.constant('/replies'), body: nearValid(fc.record({ text })) }),
      fc.record({ method: fc.constant('DELETE'), suffix: fc.constant(''), body: fc.constant(undefined) }),
    );
    await run(fc.asyncProperty(staff, anyNote, action, async (caller, id, a) => {
      await harness.send({ caller, method: a.method, url: `/api/annotations/${encodeURIComponent(id)}${a.suffix}`, ...(a.body === undefined ? {} : jsonBody(a.body)) });
    }), 150);
  });
});

describe('data needs', () => {
  it('POST /api/data-needs', async () => {
    const need = nearValid(fc.record({ metricKey, text, unitId: fc.option(unitId, { nil: undefined }) }));
    await run(fc.asyncProperty(writers, need, async (caller, body) => {
      await harness.send({ caller, method: 'POST', url: '/api/data-needs', ...jsonBody(body) });
    }), 100);
  });

  it('PATCH /api/data-needs/:id and POST …/read', async () => {
    const status = fc.constantFrom('received', 'considering', 'planned', 'added', 'declined');
    const update = nearValid(fc.record({ status, reply: fc.option(text, { nil: undefined }), addedMetricKey: fc.option(metricKey, { nil: undefined }) }));
    const need = idOrJunk('SELECT id FROM data_needs ORDER BY id');
    await run(fc.asyncProperty(writers, need, fc.boolean(), update, async (caller, id, isRead, body) => {
      const url = `/api/data-needs/${encodeURIComponent(id)}${isRead ? '/read' : ''}`;
      await harness.send({ caller, method: isRead ? 'POST' : 'PATCH', url, ...jsonBody(body) });
    }), 100);
  });
});

describe('catalogue admin', () => {
  let catalogue: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const res = await harness.app.inject({ method: 'GET', url: '/api/metrics', headers: { cookie: harness.cookie('development_manager')! } });
    catalogue = res.json();
    expect(catalogue.length).toBeGreaterThanOrEqual(METRIC_KEYS.length);
  });
  const existing = fc.nat().map((i) => ({ ...catalogue[i % catalogue.length]! }));
  const newKey = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{1,20}$/), fc.constantFrom(...METRIC_KEYS, '__proto__', 'constructor'));

  it('POST /api/metrics and PATCH /api/metrics/:key', async () => {
    const created = nearValid(fc.tuple(existing, newKey).map(([m, key]) => ({ ...m, key })));
    const patch = nearValid(
      fc.record(
        {
          name: localized,
          definition: localized,
          target: fc.option(fc.record({ value: fc.double(), comparison: fc.constantFrom('at_most', 'at_least') }), { nil: null }),
          suppressionThreshold: fc.option(fc.integer({ min: -5, max: 1200 }), { nil: null }),
          sensitivity: fc.constantFrom('health', 'personal', 'none', 'x'),
          principles: fc.subarray([...PRINCIPLE_KEYS, 'nope']),
          definitionChange: fc.record({ fromYear: year, note: text }),
        },
        { requiredKeys: [] },
      ),
    );
    await run(fc.asyncProperty(writers, fc.boolean(), created, metricKey, patch, async (caller, isCreate, c, key, p) => {
      if (isCreate) await harness.send({ caller, method: 'POST', url: '/api/metrics', ...jsonBody(c) });
      else await harness.send({ caller, method: 'PATCH', url: `/api/metrics/${encodeURIComponent(key)}`, ...jsonBody(p) });
    }), 120);
  });

  it('POST /api/principles, PUT /api/principles/:key and …/metrics', async () => {
    const principleKey = fc.oneof(fc.constantFrom(...PRINCIPLE_KEYS), fc.stringMatching(/^[a-z][a-z0-9_]{1,15}$/), fc.string({ maxLength: 20 }));
    const principle = nearValid(fc.record({ key: principleKey, name: localized, description: localized, sortOrder: fc.option(fc.integer(), { nil: undefined }) }));
    const links = nearValid(fc.record({ metricKeys: fc.array(metricKey, { maxLength: 8 }) }));
    const which = fc.constantFrom('create', 'update', 'links');
    await run(fc.asyncProperty(writers, which, principleKey, principle, links, async (caller, w, key, p, l) => {
      const url = `/api/principles${w === 'create' ? '' : `/${encodeURIComponent(key)}`}${w === 'links' ? '/metrics' : ''}`;
      const body = w === 'links' ? l : w === 'update' ? { ...(p as object), key: undefined } : p;
      await harness.send({ caller, method: w === 'create' ? 'POST' : 'PUT', url, ...jsonBody(body) });
    }), 120);
  });
});

describe('users', () => {
  // Changes go to accounts the fuzz created (and junk ids): changing the demo accounts is the
  // generic pass's business, where the harness then starts from a fresh database.
  const fuzzUser = idOrJunk('SELECT id FROM users WHERE id > 3 ORDER BY id');
  const role = fc.constantFrom('development_manager', 'unit_manager', 'politician', 'admin');
  const units = fc.array(unitId, { maxLength: 4 });
  const password = fc.oneof(fc.constantFrom('tillit-demo-lösen', 'kort', '😀'.repeat(6)), fc.string({ minLength: 8, maxLength: 210 }));
  it('POST /api/users, PATCH /api/users/:id, POST …/password', async () => {
    const user = nearValid(
      fc.record({ username: fc.oneof(fc.stringMatching(/^[a-z.]{2,20}$/), fc.constantFrom('utvecklingschef', 'UTVECKLINGSCHEF', 'å', 'a b')), displayName: text, role, unitIds: units, password }),
    );
    const update = nearValid(fc.record({ displayName: text, role, unitIds: units, isActive: fc.boolean() }, { requiredKeys: [] }));
    const which = fc.constantFrom('create', 'update', 'password');
    await run(fc.asyncProperty(writers, which, fuzzUser, user, update, password, async (caller, w, id, u, p, pw) => {
      if (w === 'create') await harness.send({ caller, method: 'POST', url: '/api/users', ...jsonBody(u) });
      else if (w === 'update') await harness.send({ caller, method: 'PATCH', url: `/api/users/${encodeURIComponent(id)}`, ...jsonBody(p) });
      else await harness.send({ caller, method: 'POST', url: `/api/users/${encodeURIComponent(id)}/password`, ...jsonBody({ password: pw }) });
    }), 60);
  });
});

describe('public links', () => {
  it('POST /api/public-links and DELETE /api/public-links/:id', async () => {
    const link = nearValid(fc.record({ label: text }));
    const id = idOrJunk('SELECT id FROM public_links ORDER BY id');
    await run(fc.asyncProperty(writers, fc.boolean(), link, id, async (caller, isCreate, body, linkId) => {
      if (isCreate) await harness.send({ caller, method: 'POST', url: '/api/public-links', ...jsonBody(body) });
      else await harness.send({ caller, method: 'DELETE', url: `/api/public-links/${encodeURIComponent(linkId)}` });
    }), 80);
  });
});

// ——— the importer: files as a browser sends them ———

async function multipart(file: Uint8Array, fileName: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file]), fileName);
  const res = new Response(form);
  return { payload: Buffer.from(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

const number = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 5000 }).map((n) => `${Math.floor(n / 100)},${n % 100}`) },
  fc.constantFrom('12,5', '1 234,50', '1\u00a0234,5', '40', '0', '-3', '', 'x', '1e400', '0,001', '12.5', '1.234,5', '99999999999999', '"6"'),
  fc.double({ min: -10, max: 1e7, noNaN: true }).map((n) => String(n).replace('.', ',')),
);
const csvRow = fc.tuple(
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...UNIT_IDS, ...UNIT_NAMES) }, fc.string({ maxLength: 12 })),
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...METRIC_KEYS, ...METRIC_NAMES) }, fc.string({ maxLength: 12 })),
  fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 2015, max: 2026 }).map(String) }, fc.integer({ min: 1985, max: 2105 }).map(String), fc.string({ maxLength: 6 })),
  number,
  number,
  fc.oneof(fc.constantFrom('Äldreomsorg HR-system', '=CMD()', '"citat; med semikolon"', '"oavslutat'), fc.string({ maxLength: 20 })),
);
const csvText = fc
  .record({
    header: fc.constantFrom('Enhet;Nyckeltal;År;Täljare;Nämnare;Källa', 'Enhet;Nyckeltal;År;Täljare;Nämnare', 'unit;metric;year;numerator;denominator;source', 'Enhet;Enhet;År', ''),
    rows: fc.array(csvRow, { maxLength: 6 }),
    separator: fc.constantFrom(';', ',', '\t'),
    newline: fc.constantFrom('\r\n', '\n', '\r'),
  })
  .map(({ header, rows, separator, newline }) => [header.replaceAll(';', separator), ...rows.map((r) => r.join(separator))].join(newline));
// Windows-1252 as Swedish Excel saves it (latin1 covers its letters), UTF-8 with and without BOM, and UTF-16.
const encoded = fc.tuple(csvText, fc.constantFrom('latin1', 'utf8', 'bom', 'utf16le') ).map(([t, enc]) =>
  enc === 'bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]) : Buffer.from(t, enc),
);
const fileBytes = fc.oneof(
  { weight: 5, arbitrary: encoded },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3000 }) },
  // A ZIP signature takes the XLSX path; an OLE one is an old .xls.
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), b])) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), b])) },
);
const fileName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('export.csv', 'Äldreomsorg 2025.csv') },
  { weight: 1, arbitrary: fc.constantFrom('data.xlsx', 'gammal.xls', 'x.txt', '', '../../etc/passwd', 'a'.repeat(300)) },
);

describe('imports', () => {
  const importers = fc.oneof({ weight: 6, arbitrary: fc.constant('development_manager' as const) }, { weight: 1, arbitrary: callers });
  it('POST /api/imports with CSV-ish text, random bytes and Excel-like files', async () => {
    const query = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, hostileQuery);
    await run(fc.asyncProperty(importers, fileBytes, fileName, fc.boolean(), query, async (caller, bytes, name, dryRun, query) => {
      const body = await multipart(bytes, name, dryRun ? { dryRun: 'true' } : {});
      await harness.send({ caller, method: 'POST', url: `/api/imports${query}`, ...body });
    }), 150);
  });

  // Real workbooks, as Excel or an HR system writes them, with every kind of cell exceljs knows.
  it('POST /api/imports with XLSX workbooks of odd cells', async () => {
    const cell = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom<ExcelJS.CellValue>(...UNIT_NAMES.slice(0, 6), ...METRIC_KEYS, ...METRIC_NAMES) },
      { weight: 3, arbitrary: fc.oneof(fc.integer({ min: 2015, max: 2026 }), fc.double({ min: -5, max: 5000, noNaN: true })) },
      { weight: 1, arbitrary: fc.constantFrom<ExcelJS.CellValue>('12,5', '', null, true, new Date('2024-12-31'), { error: '#DIV/0!' } as ExcelJS.CellErrorValue) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }).map((n): ExcelJS.CellValue => ({ formula: `${n}+1`, result: n + 1 }) as ExcelJS.CellFormulaValue) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((t): ExcelJS.CellValue => ({ richText: [{ text: t }, { text: 'Öster' }] })) },
      { weight: 1, arbitrary: fc.constant<ExcelJS.CellValue>({ text: 'Hemtjänst Öster', hyperlink: 'https://example.org' }) },
    );
    const header = fc.constantFrom(['Enhet', 'Nyckeltal', 'År', 'Täljare', 'Nämnare', 'Källa'], ['unit', 'metric', 'year', 'numerator', 'denominator'], ['Enhet', 'År']);
    const unitRow = fc.tuple(fc.constantFrom(...OWN_UNITS, ...UNIT_IDS), fc.constantFrom(...METRIC_KEYS), fc.integer({ min: 2015, max: 2026 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 41, max: 90 }));
    const rows = fc.array(fc.oneof(unitRow.map((r): ExcelJS.CellValue[] => r), fc.array(cell, { maxLength: 7 })), { maxLength: 6 });
    await run(fc.asyncProperty(header, rows, fc.boolean(), async (head, body, dryRun) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Blad1');
      sheet.addRow(head);
      for (const row of body) sheet.addRow(row);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const res = await harness.send({ caller: 'development_manager', method: 'POST', url: '/api/imports', ...(await multipart(bytes, 'personal.xlsx', dryRun ? { dryRun: 'true' } : {})) });
      // A workbook is always read: whatever is wrong in it is a row's error (422), not an unreadable file (415).
      expect(res.statusCode, res.body).not.toBe(415);
    }), 30);
  });

  it('DELETE /api/imports/:batchId', async () => {
    const batch = idOrJunk('SELECT id FROM import_batches ORDER BY id');
    await run(fc.asyncProperty(writers, batch, async (caller, id) => {
      await harness.send({ caller, method: 'DELETE', url: `/api/imports/${encodeURIComponent(id)}` });
    }), 40);
  });

  it('JSON, text or nothing where a file is expected', async () => {
    await run(fc.asyncProperty(hostileBody, async (body) => {
      await harness.send({ caller: 'development_manager', method: 'POST', url: '/api/imports', headers: body.contentType ? { 'content-type': body.contentType } : {}, payload: body.payload });
    }), 30);
  });
});
