import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// `PRAGMA integrity_check` reads every page of the copy: on a 33 MB database it takes one to two
// seconds, all of it synchronous. It runs in a worker thread so that the server keeps answering
// while the nightly backup is checked. The worker is a few lines of CommonJS, given as text, so
// that it runs the same from the built server and from the tests' TypeScript sources.
const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const copy = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  const problems = copy.pragma('integrity_check').map((r) => r.integrity_check).filter((r) => r !== 'ok');
  const tables = copy.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'units')").pluck().get();
  parentPort.postMessage({ problems, hasTables: tables === 2 });
} finally {
  copy.close();
}
`;

/** Resolves when the copy passes SQLite's full integrity check and has Tillit's tables; rejects with why not. */
export function verifyCopy(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { driver: DRIVER, file } });
    let answered = false;
    worker.once('message', (m: { problems: string[]; hasTables: boolean }) => {
      answered = true;
      if (m.problems.length > 0) reject(new Error(`integrity_check: ${m.problems.slice(0, 3).join('; ')}`));
      else if (!m.hasTables) reject(new Error('kopian saknar Tillits tabeller'));
      else resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the check stopped with code ${code}`));
    });
  });
}
