import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { migrate, openDatabase } from './db/database.js';
import { createBackupScheduler } from './services/backup-schedule.js';
import { keepHeapNearLive } from './services/gc.js';
import { createMail } from './services/mail.js';
import { createRetentionJob } from './services/retention.js';
import { seed } from './services/seed.js';
import { removeOrphanUploadDirs } from './http/uploads.js';

/** Starts Tillit: configuration, database (migrated and seeded), the app, and a graceful close. */
async function main(): Promise<void> {
  keepHeapNearLive();
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  migrate(db);
  const seeded = seed(db, { demo: config.isDemo, dataset: config.dataset });
  // A server killed mid-import leaves its half-received upload behind; nothing else uses it.
  const orphans = removeOrphanUploadDirs();
  const backups = createBackupScheduler({ databasePath: config.databasePath, ...config.backup });
  const retention = createRetentionJob(db, { days: config.auditRetentionDays });
  // E-mail only with SMTP_URL (docs/mail.md); without it no message is written or sent.
  const mail = config.mail ? createMail(db, config.mail) : null;
  const app = await buildApp({
    db,
    webRoot: config.webRoot,
    logger: { level: config.logLevel },
    security: config.security,
    oidc: config.oidc,
    passwords: config.passwords,
    importMaxBytes: config.importMaxBytes,
    koladaMunicipality: config.koladaMunicipality,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    backups,
    mail,
  });
  if (orphans > 0) app.log.info({ orphans }, 'removed uploads left by a stopped server');
  if (config.oidc) app.log.info({ issuer: config.oidc.issuer, redirectUri: config.oidc.redirectUri, passwords: config.passwords }, 'sign-in through the identity provider is on');
  if (seeded.demo) app.log.info('demo data seeded (synthetic units, calibrated to real department totals)');

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    retention.stop();
    try {
      await mail?.stop();
      await backups.stop();
      await app.close();
    } finally {
      db.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  // Jobs inside the server: a failure is logged (and shown), never stops it.
  retention.start(app.log);
  backups.start(app.log);
  if (mail && config.mail) {
    mail.start(app.log);
    app.log.info({ smtp: new URL(config.mail.smtpUrl).host, from: config.mail.from }, 'e-mail is on: the outbox is sent');
  }
  const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(`\nTillit körs på http://${shown}:${config.port}${config.isDemo ? ' (demoläge, syntetiska data)' : ''}\n`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Tillit could not start:', err);
  }
  process.exit(1);
});
