// `npm run db:migrate`: apply pending migrations to the configured database.
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';

try {
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  const ran = migrate(db);
  db.close();
  console.log(ran.length ? `Migrerade ${config.databasePath}: ${ran.join(', ')}` : `${config.databasePath} är redan migrerad.`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
