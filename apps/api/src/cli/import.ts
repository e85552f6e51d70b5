// `npm run import -- FILE [--dry-run] [--map unit=Enhetskod --map year=Period …]`: import values
// from a CSV or XLSX file into the configured database, streamed like an upload, with the same
// validation as the API. Exits non-zero when the file has errors.
import { basename } from 'node:path';
import { IMPORT_FIELDS, type ImportError, type ImportField, type ImportMapping } from '@tillit/domain';
import { createServices } from '../app.js';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import type { Actor } from '../services/audit.js';

const CLI_ACTOR: Actor = { userId: null, username: 'cli', requestId: null };
const USAGE = 'Användning: npm run import -- FIL.csv [--dry-run] [--map enhet=Kolumn …] (fält: ' + IMPORT_FIELDS.join(', ') + ')';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const mapping: ImportMapping = {};
let path: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--map' || a.startsWith('--map=')) {
    const pair = a === '--map' ? args[++i] : a.slice('--map='.length);
    const eq = pair?.indexOf('=') ?? -1;
    const field = pair?.slice(0, eq) as ImportField;
    if (!pair || eq < 1 || !IMPORT_FIELDS.includes(field)) {
      console.error(`Okänt --map "${pair ?? ''}". ${USAGE}`);
      process.exit(2);
    }
    mapping[field] = pair.slice(eq + 1);
  } else if (!a.startsWith('--')) path = a;
}

const describe = (e: ImportError) => `  rad ${e.row}${e.column ? `, kolumn "${e.column}"` : ''}: ${e.message}`;

if (!path) {
  console.error(USAGE);
  process.exit(2);
}

try {
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  migrate(db);
  const services = createServices(db);
  const options = { dryRun, mapping: Object.keys(mapping).length > 0 ? mapping : undefined };
  const outcome = await services.imports.run({ fileName: basename(path), path }, options, CLI_ACTOR);
  db.close();
  const { body } = outcome;
  console.log(`${body.rowsRead} rader lästa, ${body.rowsValid} giltiga.`);
  if (outcome.status === 200 || outcome.status === 422) {
    const p = outcome.body;
    if (p.errorsTotal > 0) {
      const shown = p.errors.length < p.errorsTotal ? ` (de första ${p.errors.length} visas)` : '';
      console.error(`${p.errorsTotal} fel${shown}${dryRun ? '' : ' – ingenting har sparats'}:`);
      for (const e of p.errors) console.error(describe(e));
    }
    if (p.needsMapping) {
      console.error(`Filens kolumner: ${p.headers.join(', ')}`);
      const guess = Object.entries(p.mapping).map(([f, h]) => `--map ${f}=${JSON.stringify(h)}`);
      if (guess.length > 0) console.error(`Förslag: ${guess.join(' ')}`);
    }
    if (p.changes.length > 0) {
      console.log(`Ändringar: ${p.changesTotal}${p.changes.length < p.changesTotal ? ` (de första ${p.changes.length} visas)` : ''}:`);
    }
    for (const c of p.changes) {
      const old = c.old ? `${c.old.numerator}/${c.old.denominator}` : 'nytt';
      console.log(`  ${c.unitId} ${c.metricKey} ${c.year}: ${old} → ${c.new.numerator}/${c.new.denominator}`);
    }
    process.exit(p.errorsTotal > 0 ? 1 : 0);
  }
  console.log(`Importerat som import nr ${outcome.body.batchId}. Ångra med DELETE /api/imports/${outcome.body.batchId}.`);
  process.exit(0);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
