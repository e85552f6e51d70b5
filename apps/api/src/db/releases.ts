import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { YearRelease } from '@tillit/domain';
import type { Db } from './database.js';

/** A release's identity: the same figures over the same atoms and tree have the same digest. */
export function releaseDigest(release: YearRelease): string {
  return createHash('sha256').update(JSON.stringify(release)).digest('hex');
}

/** Every release of a metric, by year, oldest first. */
export function listReleases(db: Db, metricKey: string): Map<number, YearRelease[]> {
  const rows = db
    .prepare<[string], [number, Buffer]>('SELECT year, snapshot FROM releases WHERE metric_key = ? ORDER BY year, id')
    .raw()
    .all(metricKey);
  const out = new Map<number, YearRelease[]>();
  for (const [year, blob] of rows) {
    const release = JSON.parse(gunzipSync(blob).toString('utf8')) as YearRelease;
    out.set(year, [...(out.get(year) ?? []), release]);
  }
  return out;
}

/** The digests already recorded for a metric, by year. */
export function listReleaseDigests(db: Db, metricKey: string): Map<number, Set<string>> {
  const rows = db.prepare<[string], [number, string]>('SELECT year, digest FROM releases WHERE metric_key = ?').raw().all(metricKey);
  const out = new Map<number, Set<string>>();
  for (const [year, digest] of rows) out.set(year, (out.get(year) ?? new Set()).add(digest));
  return out;
}

/** Records releases not recorded before. Call inside a transaction. */
export function insertReleases(db: Db, metricKey: string, releases: readonly { year: number; digest: string; release: YearRelease }[], at: string): number {
  const insert = db.prepare(
    'INSERT INTO releases (metric_key, year, digest, snapshot, released_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  let count = 0;
  for (const r of releases) {
    count += insert.run(metricKey, r.year, r.digest, gzipSync(JSON.stringify(r.release)), at).changes;
  }
  return count;
}
