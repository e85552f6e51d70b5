import type { Db } from './database.js';

export function getMeta(db: Db, key: string): string | undefined {
  return db.prepare<[string], string>('SELECT value FROM app_meta WHERE key = ?').pluck().get(key);
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
