// `npm run restore -- FILE`: replaces the database with a backup. Stop the server first.
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { restoreDatabase } from '../services/backup.js';

const file = process.argv[2];
if (!file) {
  console.error('Ange säkerhetskopian: npm run restore -- data/backups/tillit-ÅÅÅÅMMDD-TTMMSS.db');
  process.exit(2);
}
try {
  const { databasePath } = loadConfig();
  const { replaced } = await restoreDatabase(resolve(file), databasePath);
  console.log(`Återställd: ${databasePath} från ${resolve(file)}.`);
  if (replaced) console.log(`Den ersatta databasen finns kvar som ${replaced}.`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
