import { TRANSLATED_FIELDS, type TranslatedField } from '@tillit/domain';
import type { Db } from './database.js';

/** Every metric's English texts that need an update, by metric key. */
export function listEnglishOutdated(db: Db): Map<string, TranslatedField[]> {
  const rows = db
    .prepare<[], { metric_key: string; field: TranslatedField }>('SELECT metric_key, field FROM metric_english_outdated')
    .all();
  // In the order the texts are listed (name first), as the domain's rule gives them.
  rows.sort((a, b) => TRANSLATED_FIELDS.indexOf(a.field) - TRANSLATED_FIELDS.indexOf(b.field));
  const map = new Map<string, TranslatedField[]>();
  for (const r of rows) map.set(r.metric_key, [...(map.get(r.metric_key) ?? []), r.field]);
  return map;
}

/** Sets a metric's outdated English texts to exactly these; a field marked before keeps its date. Call inside a transaction. */
export function setEnglishOutdated(db: Db, metricKey: string, fields: readonly TranslatedField[], at: string): void {
  const keep = JSON.stringify(fields);
  db.prepare('DELETE FROM metric_english_outdated WHERE metric_key = ? AND field NOT IN (SELECT value FROM json_each(?))').run(metricKey, keep);
  const insert = db.prepare('INSERT OR IGNORE INTO metric_english_outdated (metric_key, field, since) VALUES (?, ?, ?)');
  for (const field of fields) insert.run(metricKey, field, at);
}
