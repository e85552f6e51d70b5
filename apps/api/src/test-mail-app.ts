import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from './app.js';
import type { MailConfig } from './config.js';
import { migrate, openDatabase, type Db } from './db/database.js';
import { createMail, type Mail } from './services/mail.js';
import type { SenderOptions } from './services/outbox.js';
import { seed } from './services/seed.js';
import { signIn } from './test-app.js';

export const TEST_PUBLIC_URL = 'https://tillit.kommun.example';

const testMailConfig = (smtpUrl: string, extra: Partial<MailConfig> = {}): MailConfig => ({
  smtpUrl,
  from: 'Tillit <tillit@kommun.example>',
  fromDomain: 'kommun.example',
  publicUrl: TEST_PUBLIC_URL,
  retrySeconds: 60,
  digestHour: 7,
  ...extra,
});

export interface MailTestApp {
  app: FastifyInstance;
  db: Db;
  mail: Mail;
  /** Sends a request as a demo account (signed in on first use). */
  as(username: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object): Promise<LightMyRequestResponse>;
}

/**
 * A real app with e-mail on, over a real migrated and seeded database (a file, for restart tests,
 * or in memory), sending to `smtpUrl`. The sender is not started: tests call `mail.sender.drain()`
 * (or `mail.start`) so that each step is theirs to take.
 */
export async function createMailTestApp(options: {
  smtpUrl: string;
  databasePath?: string;
  config?: Partial<MailConfig>;
  sender?: Pick<SenderOptions, 'timeouts' | 'now'>;
  metricsToken?: string;
}): Promise<MailTestApp> {
  const db = openDatabase(options.databasePath ?? ':memory:');
  migrate(db);
  seed(db, { demo: true });
  const mail = createMail(db, testMailConfig(options.smtpUrl, options.config), options.sender);
  const app = await buildApp({ db, mail, metricsToken: options.metricsToken ?? null });
  await app.ready();
  const cookies = new Map<string, string>();
  return {
    app,
    db,
    mail,
    async as(username, method, url, payload) {
      let cookie = cookies.get(username);
      if (cookie === undefined) {
        cookie = await signIn(app, username);
        cookies.set(username, cookie);
      }
      return app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    },
  };
}

/** The log a started sender writes to, kept for the test to read. */
export function testLog() {
  const lines: { details: object; message: string }[] = [];
  return {
    lines,
    info: (details: object, message: string) => void lines.push({ details, message }),
    error: (details: object, message: string) => void lines.push({ details, message }),
  };
}
