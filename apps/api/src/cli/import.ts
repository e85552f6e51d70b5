// `npm run import -- FILE [--dry-run]`: import values from a CSV file into the configured
// database, with the same validation as the API. Exits non-zero when the file has errors.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { IMPORT_PREVIEW_CHANGES, type ImportError } from '@tillit/domain';
import { createServices } from '../app.js';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import type { Actor } from '../services/audit.js';

const CLI_ACTOR: Actor = { userId: null, username: 'cli', requestId: null };

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const path = args.find((a) => !a.startsWith('--'));

const describe = (e: ImportError) => `  rad ${e.row}${e.column ? `, kolumn "${e.column}"` : ''}: ${e.message}`;

if (!path) {
  console.error('Användning: npm run import -- FIL.csv [--dry-run]');
  process.exit(2);
}

try {
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  migrate(db);
  const services = createServices(db);
  const outcome = await services.imports.run({ fileName: basename(path), bytes: readFileSync(path) }, { dryRun }, CLI_ACTOR);
  db.close();
  const { body } = outcome;
  console.log(`${body.rowsRead} rader lästa, ${body.rowsValid} giltiga.`);
  if (body.errors.length > 0) {
    console.error(`${body.errors.length} fel${dryRun ? '' : ' – ingenting har sparats'}:`);
    for (const e of body.errors) console.error(describe(e));
  }
  if (outcome.status === 200 || outcome.status === 422) {
    const { changes } = outcome.body;
    if (changes.length > 0) console.log(`Ändringar${changes.length >= IMPORT_PREVIEW_CHANGES ? ` (de första ${IMPORT_PREVIEW_CHANGES})` : ''}:`);
    for (const c of changes) {
      const old = c.old ? `${c.old.numerator}/${c.old.denominator}` : 'nytt';
      console.log(`  ${c.unitId} ${c.metricKey} ${c.year}: ${old} → ${c.new.numerator}/${c.new.denominator}`);
    }
  } else {
    console.log(`Importerat som import nr ${outcome.body.batchId}. Ångra med DELETE /api/imports/${outcome.body.batchId}.`);
  }
  process.exit(body.errors.length > 0 ? 1 : 0);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
