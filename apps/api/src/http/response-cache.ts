import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants, gzipSync } from 'node:zlib';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { $ZodType as ZodType } from 'zod/v4/core';
import type { Db } from '../db/database.js';
import { createDbStamp } from '../db/stamp.js';

/** The encodings a cached answer keeps a copy in (see plugins/compression.ts). */
export type Encoding = 'br' | 'gzip';

/** A finished answer: its JSON as UTF-8, a validator, and compressed copies made once. */
export interface CachedAnswer {
  readonly body: Buffer;
  /** A weak entity tag: a digest of the caller's scope and the answer (see `createResponseCache`). */
  readonly etag: string;
  /** The body in `encoding`, compressed on first use and kept with the answer. */
  encoded(encoding: Encoding): Buffer;
}

interface Entry {
  stamp: string;
  /** Digest of the answer before `finish` (the same for a rebuild that changed nothing). */
  digest: string;
  answer: CachedAnswer;
  bytes: number;
}

export interface ResponseCacheOptions {
  maxEntries?: number;
  /** Bytes of bodies and compressed copies kept, all entries together. */
  maxBytes?: number;
}

/**
 * Finished JSON answers of hot read routes (`/api/values`, `/api/summary`, the public link's
 * summary, the tree, the catalogue), kept in memory so that a repeated request skips building,
 * serialising and compressing the same answer again.
 *
 * - **Checked once, with the route's own serializer.** An entry is made by the same zod
 *   serializer the route would use, so the response schema stays the allow-list of what may leave
 *   the server; a cached body is only ever a copy of what that serializer produced.
 * - **Keyed by who may see what.** Every key includes the caller's scope (role, and a unit
 *   manager's own units), so one person never gets an answer built for another's scope. The
 *   entity tag is a digest of the key (scope included) and the answer, so a validator of one
 *   scope never matches another's.
 * - **Forgotten on any write.** Every entry carries the app's data version and a stamp of the
 *   database (`db/stamp.ts`: moves on any write, by this process or another). An entry whose
 *   stamp differs is rebuilt, so a write is visible on the very next request (another process's
 *   within a millisecond, see db/stamp.ts). A rebuild that comes out the same (a write that did
 *   not touch this answer, such as a session's) keeps the entry: its entity tag, time and
 *   compressed copies stay.
 * - **Bounded.** Least recently used entries go first, past `maxEntries` or `maxBytes`.
 */
export function createResponseCache(db: Db, data: { version: () => number }, options: ResponseCacheOptions = {}) {
  const { maxEntries = 2000, maxBytes = 16 * 1024 * 1024 } = options;
  const dbStamp = createDbStamp(db);
  const stamp = (at: string | null) => `${data.version()}:${at ?? dbStamp()}`;
  // Insertion order is use order: a hit moves its entry to the end.
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const remove = (k: string) => {
    const entry = entries.get(k);
    if (!entry) return;
    entries.delete(k);
    bytes -= entry.bytes;
  };
  const evict = () => {
    while (entries.size > maxEntries || (bytes > maxBytes && entries.size > 1)) {
      remove(entries.keys().next().value as string);
    }
  };

  // Browsers accept brotli: an entry keeps the brotli copy, made at once (about a sixth of the
  // JSON). The JSON itself and a gzip copy are made when someone asks for them, and kept too.
  const makeAnswer = (k: string, digest: string, json: string): Entry => {
    const br = compress(Buffer.from(json), 'br');
    const copies: Partial<Record<Encoding | 'identity', Buffer>> = { br };
    const copy = (encoding: Encoding | 'identity'): Buffer => {
      const known = copies[encoding];
      if (known) return known;
      let added = 0;
      let body = copies.identity;
      if (!body) {
        body = copies.identity = exact(brotliDecompressSync(br));
        added += body.length;
      }
      if (encoding !== 'identity') {
        const made = (copies[encoding] = compress(body, encoding));
        added += made.length;
      }
      entry.bytes += added;
      // Counted only while the entry is still kept.
      if (entries.get(k) === entry) {
        bytes += added;
        evict();
      }
      return copies[encoding] as Buffer;
    };
    const entry: Entry = {
      stamp: '',
      digest,
      bytes: br.length,
      answer: {
        get body() {
          return copy('identity');
        },
        etag: `W/"${createHash('sha256').update(k).update('\0').update(digest).digest('base64url').slice(0, 27)}"`,
        encoded: copy,
      },
    };
    return entry;
  };

  return {
    /**
     * The answer for `key`, made by `build` and `schema`'s serializer when missing or stale. `at`
     * is the change stamp read at the start of the request (`request.dataStamp`): data read later
     * is never older than it, so an entry can only be rebuilt too often, never served stale.
     * `finish` fills in what differs between two builds of the same answer (the summary's time);
     * the entity tag is taken before it.
     */
    answer<T>(
      key: readonly unknown[],
      schema: ZodType<T>,
      build: () => T,
      at: string | null = null,
      finish: (json: string) => string = (json) => json,
    ): CachedAnswer {
      const k = JSON.stringify(key);
      const now = stamp(at);
      const hit = entries.get(k);
      if (hit && hit.stamp === now) {
        entries.delete(k);
        entries.set(k, hit);
        return hit.answer;
      }
      const json = serializerCompiler({ schema, method: 'GET', url: String(key[0]) })(build());
      const digest = createHash('sha256').update(json).digest('base64url');
      remove(k);
      const entry = hit && hit.digest === digest ? hit : makeAnswer(k, digest, finish(json));
      entry.stamp = now;
      entries.set(k, entry);
      bytes += entry.bytes;
      evict();
      return entry.answer;
    },
    get size() {
      return entries.size;
    },
    /** Bytes held by the bodies and compressed copies of every entry. */
    get bytes() {
      return bytes;
    },
  };
}
export type ResponseCache = ReturnType<typeof createResponseCache>;

/**
 * Compressed once per answer, so better than on-the-fly compression of other answers
 * (plugins/compression.ts: brotli at 4), yet quick enough for a first request: about a
 * millisecond for a 25 kB summary.
 */
function compress(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br') {
    return exact(
      brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }),
    );
  }
  return exact(gzipSync(body, { level: 6 }));
}

/**
 * A buffer of its own exact size. zlib hands back a view into its 16 kB (or larger) output
 * chunk: kept as it is, a 1 kB answer would hold the whole chunk in memory.
 */
function exact(buffer: Buffer): Buffer {
  if (buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length) return buffer;
  const out = Buffer.allocUnsafeSlow(buffer.length);
  buffer.copy(out);
  return out;
}

/** What a signed-in person may see, as part of a cache key. */
export function scopeOf(user: { role: string; unitIds: readonly string[] } | null): string {
  if (!user) return 'public';
  return user.role === 'unit_manager' ? `${user.role}:${user.unitIds.join(',')}` : user.role;
}
