import type { FastifyReply } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { Db } from '../db/database.js';
import { createDbStamp } from '../db/stamp.js';

/**
 * Finished JSON answers of hot read routes (`/api/values`, `/api/summary`), kept in memory so that
 * a repeated request skips building and serialising the same answer again.
 *
 * - **Checked once, with the route's own serializer.** An entry is made by the same zod
 *   serializer the route would use, so the response schema stays the allow-list of what may leave
 *   the server; a cached string is only ever a copy of what that serializer produced.
 * - **Keyed by who may see what.** Every key includes the caller's scope (role, and a unit
 *   manager's own units), so one person never gets an answer built for another's scope.
 * - **Forgotten on any write.** Every entry carries the app's data version and a stamp of the
 *   database (`db/stamp.ts`: moves on any write, by this process or another). An entry whose
 *   stamp differs is rebuilt, so a write is visible on the very next request.
 */
export function createResponseCache(db: Db, data: { version: () => number }, maxEntries = 2000) {
  const dbStamp = createDbStamp(db);
  const stamp = (at: string | null) => `${data.version()}:${at ?? dbStamp()}`;
  const entries = new Map<string, { stamp: string; json: string }>();

  return {
    /**
     * The JSON for `key`, made by `build` and `schema`'s serializer when missing or stale. `at` is
     * the change stamp read at the start of the request (`request.dataStamp`): data read later is
     * never older than it, so an entry can only be rebuilt too often, never served stale.
     */
    json<T>(key: readonly unknown[], schema: ZodType<T>, build: () => T, at: string | null = null): string {
      const k = JSON.stringify(key);
      const now = stamp(at);
      const hit = entries.get(k);
      if (hit && hit.stamp === now) return hit.json;
      const json = serializerCompiler({ schema, method: 'GET', url: String(key[0]) })(build());
      entries.delete(k);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(k, { stamp: now, json });
      return json;
    },
    get size() {
      return entries.size;
    },
  };
}
export type ResponseCache = ReturnType<typeof createResponseCache>;

/** Sends an already serialised (and schema-checked) JSON answer as it is. */
export function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}

/** What a signed-in person may see, as part of a cache key. */
export function scopeOf(user: { role: string; unitIds: readonly string[] } | null): string {
  if (!user) return 'public';
  return user.role === 'unit_manager' ? `${user.role}:${user.unitIds.join(',')}` : user.role;
}
