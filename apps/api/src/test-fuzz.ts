/**
 * The harness of the fault tests (`routes/fuzz.test.ts`): a real app over a real in-memory
 * database, signed-in sessions for every role that are renewed when a fuzzed write ends one,
 * a digest of the database's content, and arbitraries for hostile input. For tests only.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from './db/database.js';
import { createTestApp, signIn } from './test-app.js';

export type Caller = 'development_manager' | 'unit_manager' | 'politician' | 'anonymous';
export const CALLERS: readonly Caller[] = ['development_manager', 'unit_manager', 'politician', 'anonymous'];
const USERNAMES = { development_manager: 'utvecklingschef', unit_manager: 'enhetschef', politician: 'politiker' } as const;

/** Fuzzed requests come from another address than the sign-ins, so the login throttle never locks the harness out. */
const FUZZ_ADDRESS = '192.0.2.7';

/**
 * The record of figures shown (`releases`) is a memory of what was read, not data a request
 * changes: a refused import's preview may show stored figures (safely) and so records them.
 */
const NOT_DATA = "'releases'";

/**
 * Every table's rows, hashed. Sessions are compared without `last_seen_at`/`expires_at`:
 * authenticating any request (a refused one too) slides the idle timeout by design; a refused
 * request must still neither create nor end a session. Row order is not content, so rows are
 * sorted (some tables have no rowid). The releases are left out (see `NOT_DATA`).
 */
function digest(db: Db): string {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN (${NOT_DATA}) ORDER BY name`)
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    const columns = table === 'sessions' ? 'token_hash, user_id, created_at' : '*';
    const rows = (db.prepare(`SELECT ${columns} FROM "${table}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
    hash.update(`${table}\u0000${rows.length}\u0000${rows.join('\n')}\u0001`);
  }
  return hash.digest('hex');
}

/**
 * Counts every committed row change, in a temporary table kept by temporary triggers on every
 * table (the sessions' sliding timeout excepted, as in `digest`). A rolled-back transaction
 * rolls its count back too, so an unchanged count proves that nothing was written, and the
 * digest only needs recomputing when the count moves.
 */
function installWriteCounter(db: Db): void {
  db.exec('CREATE TEMP TABLE fuzz_writes (n INTEGER NOT NULL); INSERT INTO fuzz_writes VALUES (0);');
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN (${NOT_DATA})`)
    .pluck()
    .all() as string[];
  for (const [i, table] of tables.entries()) {
    const update = table === 'sessions' ? 'UPDATE OF token_hash, user_id, created_at' : 'UPDATE';
    for (const [j, event] of ['INSERT', 'DELETE', update].entries()) {
      db.exec(`CREATE TEMP TRIGGER fuzz_count_${i}_${j} AFTER ${event} ON main."${table}" BEGIN UPDATE fuzz_writes SET n = n + 1; END;`);
    }
  }
}
const writeCount = (db: Db): number => db.prepare('SELECT n FROM fuzz_writes').pluck().get() as number;

export interface FuzzRequest {
  caller: Caller;
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}

/** One app for a whole fuzz file; rebuilt only when a fuzzed write has locked a demo account out. */
export class FuzzHarness {
  app!: FastifyInstance;
  db!: Db;
  private cookies = new Map<Caller, string>();
  /** Status codes per route, to see how deep the fuzz gets (printed with FUZZ_STATS=1). */
  readonly stats = new Map<string, Map<number, number>>();
  label = '';

  async start(): Promise<void> {
    ({ app: this.app, db: this.db } = await createTestApp());
    installWriteCounter(this.db);
    await this.renewSessions();
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  /** After a successful write: the fuzz may have signed someone out, changed their role or password. */
  async renewSessions(): Promise<void> {
    for (const role of ['development_manager', 'unit_manager', 'politician'] as const) {
      const cookie = this.cookies.get(role);
      if (cookie) {
        const me = await this.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
        if (me.statusCode === 200 && me.json().role === role) continue;
      }
      try {
        this.cookies.set(role, await signIn(this.app, USERNAMES[role]));
        const me = await this.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: this.cookies.get(role)! } });
        if (me.json().role !== role) throw new Error(`${USERNAMES[role]} is no longer a ${role}`);
      } catch {
        // A demo account was deactivated, re-roled or given a new password: start from a fresh database.
        await this.app.close();
        this.cookies.clear();
        this.cached = null;
        await this.start();
        return;
      }
    }
  }

  /** The digest, recomputed only when a row has changed since the last one (hashing every table takes a while). */
  private digestNow(): string {
    const writes = writeCount(this.db);
    if (this.cached?.writes !== writes) this.cached = { writes, digest: digest(this.db) };
    return this.cached.digest;
  }
  private cached: { writes: number; digest: string } | null = null;

  cookie(caller: Caller): string | undefined {
    return caller === 'anonymous' ? undefined : this.cookies.get(caller);
  }

  /**
   * Sends one request and checks the two fault rules: never a 5xx, and a refused request (4xx)
   * leaves every table's content as it was. Returns the response for further checks.
   */
  async send(req: FuzzRequest): Promise<LightMyRequestResponse> {
    const before = this.digestNow();
    const writesBefore = writeCount(this.db);
    const cookie = this.cookie(req.caller);
    const options: InjectOptions = {
      method: req.method as InjectOptions['method'],
      url: req.url,
      headers: { ...req.headers, ...(cookie ? { cookie } : {}) },
      payload: req.payload,
      remoteAddress: FUZZ_ADDRESS,
    };
    const res = await this.app.inject(options);
    const counts = this.stats.get(this.label) ?? new Map<number, number>();
    counts.set(res.statusCode, (counts.get(res.statusCode) ?? 0) + 1);
    this.stats.set(this.label, counts);
    const where = `${req.method} ${req.url.slice(0, 300)} as ${req.caller} → ${res.statusCode} ${res.body.slice(0, 400)}`;
    if (res.statusCode >= 500) throw new Error(`5xx: ${where}`);
    if (res.statusCode >= 400) {
      if (writeCount(this.db) !== writesBefore && this.digestNow() !== before) throw new Error(`refused request changed the database: ${where}`);
      // Every refusal is the one error envelope, except the import's 422 (the preview with its errors).
      if (res.statusCode !== 422 && !hasEnvelope(res.body)) throw new Error(`no error envelope: ${where}`);
    } else {
      await this.renewSessions();
    }
    return res;
  }
}

function hasEnvelope(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
  } catch {
    return false;
  }
}

/** Fixed seed: the same cases on every run. Override with FUZZ_SEED to explore; fast-check prints the seed and path of a failure. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 61_115);
/** Multiplies every property's number of runs (FUZZ_SCALE=10 for a long exploring run). */
export const FUZZ_SCALE = Number(process.env.FUZZ_SCALE ?? 1);

// ——— hostile values ———

const HUGE = 'Å'.repeat(70_000);
const TRICKY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0645',
  '😀👩‍👩‍👧',
  'a\r\nb',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../../etc/passwd',
  "'; DROP TABLE units; --",
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  '%00',
  '%',
  '1e400',
  'NaN',
  '-0',
  '0x10',
  '9007199254740993',
  HUGE,
];

/** A single hostile scalar: wrong types, edge numbers, unicode, nulls, huge strings. */
export const trickyScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...TRICKY_STRINGS, null, true, false, 0, -1, 1, 1.5, 1e308, -1e308, 2 ** 53, -(2 ** 31), 1990, 2100, 2101),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: false }),
);

/** Any JSON value, with hostile scalars in it, and sometimes very deep. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 3, arbitrary: trickyScalar },
  { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), trickyScalar, { maxKeys: 6 }) },
  { weight: 1, arbitrary: fc.array(trickyScalar, { maxLength: 6 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 50, max: 3000 }).map((n) => {
      let v: unknown = 'deep';
      for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
      return v;
    }),
  },
);

/** A request body as bytes on the wire, with a content type that may not match it. */
export const hostileBody: fc.Arbitrary<{ payload: string | undefined; contentType: string | undefined }> = fc.oneof(
  { weight: 6, arbitrary: hostileJson.map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"role":"development_manager"}}',
      '{"constructor":{"prototype":{"isAdmin":true}}}',
      '{"a":1,"a":2}',
      '{',
      '[1,2',
      '"\\ud800"',
      '',
    ).map((payload) => ({ payload, contentType: 'application/json' })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      payload: fc.option(fc.string({ unit: 'binary', maxLength: 200 }), { nil: undefined }),
      contentType: fc.constantFrom(
        undefined,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=xyz',
        'application/octet-stream',
        'application/json; charset=latin1',
      ),
    }),
  },
);

/** A path parameter: known ids and keys (to reach the handlers), and junk. */
export function paramValue(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known, '1', '2', '3', '0', '-1', '999999') },
    { weight: 2, arbitrary: trickyScalar.map((v) => String(v)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  );
}

/** A query string of hostile keys and values, repeated keys included. */
export const hostileQuery: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('dryRun', 'unit', 'metric', 'year', 'limit', '__proto__', 'a[b]'), fc.string({ maxLength: 8 })),
      trickyScalar.map((v) => String(v).slice(0, 2000)),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''));

/**
 * An object close to a valid one: up to three of its fields dropped, replaced by hostile
 * values, or joined by unknown keys. Reaches the services, not just the schema.
 */
export function nearValid(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), pick: fc.nat(), value: fc.constant(undefined) }),
    fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: hostileJson }),
    fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), value: hostileJson }),
  );
  // Half the time exactly valid, so that the writes themselves (and what they leave behind) are exercised.
  const mutations = fc.oneof(fc.constant([]), fc.array(mutation, { minLength: 1, maxLength: 3 }));
  return fc.tuple(valid, mutations).map(([base, mutations]) => {
    if (typeof base !== 'object' || base === null || Array.isArray(base)) return mutations.length ? mutations[0]!.value : base;
    const out: Record<string, unknown> = { ...base };
    for (const m of mutations) {
      const keys = Object.keys(out);
      if (m.kind === 'add') out[['extra', 'id', 'key', 'role', 'authorId'][m.pick % 5]!] = m.value;
      else if (keys.length === 0) continue;
      else if (m.kind === 'drop') delete out[keys[m.pick % keys.length]!];
      else out[keys[m.pick % keys.length]!] = m.value;
    }
    return out;
  });
}

/** A JSON body of a near-valid object (often exactly valid: the mutation list may be empty). */
export const jsonBody = (value: unknown) => ({ payload: JSON.stringify(value), headers: { 'content-type': 'application/json' } });

/** The part of JSON Schema (as the OpenAPI document states each route's input) that `fromSchema` reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Values a field of this name should often take, so that generated input refers to real rows. */
export type Hints = (name: string) => fc.Arbitrary<unknown> | null;

/**
 * Values that satisfy a route's own input schema, read from the app's OpenAPI document. This
 * lets the generic pass send mostly valid bodies to any route, a new one included, so that it
 * reaches the service behind the schema; `nearValid` then breaks them a little.
 */
export function fromSchema(schema: JsonSchema, hints: Hints, name = '', depth = 0): fc.Arbitrary<unknown> {
  const value = fromSchemaNonNull(schema, hints, name, depth);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
}

function fromSchemaNonNull(schema: JsonSchema, hints: Hints, name: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, hints, name, depth + 1)));
  if (schema.allOf?.[0]) return fromSchema(schema.allOf[0], hints, name, depth + 1);
  const type = [schema.type].flat().find((t) => t !== 'null');
  const hint = hints(name);
  const typed = typedValue(schema, type, hints, depth);
  return hint && type !== 'object' && type !== 'array' ? fc.oneof({ weight: 4, arbitrary: hint }, { weight: 1, arbitrary: typed }) : typed;
}

function typedValue(schema: JsonSchema, type: string | undefined, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': {
      if (schema.format === 'date') return fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      const maxLength = Math.min(schema.maxLength ?? 40, 40);
      const minLength = Math.min(schema.minLength ?? 0, maxLength);
      if (schema.pattern) {
        try {
          return fc.stringMatching(new RegExp(schema.pattern)).map((s) => (s.length > (schema.maxLength ?? Infinity) ? s.slice(0, schema.maxLength) : s));
        } catch {
          // A pattern fast-check cannot read: plain strings, refused by the schema, are fine too.
        }
      }
      return fc.string({ unit: 'grapheme', minLength, maxLength });
    }
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 100_000, 1e9) });
    case 'number':
      return fc.double({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 1e6, 1e9), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (depth > 6) return fc.constant([]);
      return fc.array(schema.items ? fromSchema(schema.items, hints, '', depth + 1) : fc.jsonValue({ maxDepth: 2 }), {
        minLength: Math.min(schema.minItems ?? 0, 5),
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case 'object': {
      if (depth > 6) return fc.constant({});
      const properties = Object.entries(schema.properties ?? {});
      if (!properties.length) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
      const model = Object.fromEntries(properties.map(([key, s]) => [key, fromSchema(s, hints, key, depth + 1)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
    }
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}
