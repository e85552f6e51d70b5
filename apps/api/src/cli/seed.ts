// `npm run db:seed`: migrate, then seed the catalogue (and the demo organisation in demo mode).
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import { seed } from '../services/seed.js';

try {
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  migrate(db);
  const result = seed(db, { demo: config.isDemo, dataset: config.dataset });
  db.close();
  console.log(
    `Katalog: ${result.catalogue ? 'inlagd' : 'fanns redan'}. Demodata: ${
      result.demo ? 'inlagda (syntetiska)' : config.isDemo ? 'fanns redan' : 'av (TILLIT_DEMO=0)'
    }.`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
