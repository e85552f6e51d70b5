import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.js';
import { migrate, openDatabase, type Db } from './db/database.js';
import { seed } from './services/seed.js';

/**
 * A real app over a real, freshly migrated in-memory SQLite database, seeded like `npm start`
 * seeds it (demo data unless told otherwise). For tests.
 */
export async function createTestApp(
  options: { demo?: boolean; webRoot?: string } & Pick<AppOptions, 'oidc' | 'passwords' | 'security' | 'logger'> = {},
): Promise<{
  app: FastifyInstance;
  db: Db;
}> {
  const db = openDatabase(':memory:');
  migrate(db);
  seed(db, { demo: options.demo ?? true });
  const { demo: _demo, ...appOptions } = options;
  const app = await buildApp({ db, ...appOptions });
  await app.ready();
  return { app, db };
}

/** Signs in through the real route and returns the Cookie header to send with requests. */
export async function signIn(app: FastifyInstance, username: string, password = 'tillit-demo'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tillit_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}
