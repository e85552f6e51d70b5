// `npm run backup [-- FILE]`: an online copy of the database, safe while the server runs.
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { backupDatabase, defaultBackupPath } from '../services/backup.js';

try {
  const { databasePath } = loadConfig();
  const target = process.argv[2] ? resolve(process.argv[2]) : defaultBackupPath(databasePath);
  const { file, bytes } = await backupDatabase(databasePath, target);
  console.log(`Säkerhetskopia sparad: ${file} (${(bytes / 1024).toFixed(0)} kB)`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
