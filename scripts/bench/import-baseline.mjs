// The import benchmark's baseline, run as a child: the same rows as plain prepared INSERTs into
// metric_values in one transaction, no file, no parsing, no checks. Prints the seconds it took.
import Database from 'better-sqlite3';
import { benchRows } from './import-data.mjs';

const [path, rows] = [process.argv[2], Number(process.argv[3])];
const db = new Database(path);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('synchronous = NORMAL');
const sourceId = db.prepare("INSERT INTO sources (name, is_synthetic) VALUES ('Baslinje (syntetisk)', 1) RETURNING id").pluck().get();
const insert = db.prepare(
  'INSERT INTO metric_values (unit_id, metric_key, year, numerator_c, denominator_c, group_size, source_id) VALUES (?, ?, ?, ?, ?, NULL, ?)',
);
const started = performance.now();
db.transaction(() => {
  for (const [unit, metric, year, n, d] of benchRows(rows)) insert.run(unit, metric, year, n, d, sourceId);
})();
const seconds = (performance.now() - started) / 1000;
db.close();
console.log(JSON.stringify({ seconds }));
