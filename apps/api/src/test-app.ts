import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { migrate, openDatabase, type Db } from './db/database.js';
import { seed } from './services/seed.js';

/**
 * A real app over a real, freshly migrated in-memory SQLite database, seeded like `npm start`
 * seeds it (demo data unless told otherwise). For tests.
 */
export async function createTestApp(options: { demo?: boolean; webRoot?: string } = {}): Promise<{
  app: FastifyInstance;
  db: Db;
}> {
  const db = openDatabase(':memory:');
  migrate(db);
  seed(db, { demo: options.demo ?? true });
  const app = await buildApp({ db, webRoot: options.webRoot });
  await app.ready();
  return { app, db };
}
