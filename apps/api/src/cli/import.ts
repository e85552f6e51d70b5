// `npm run import -- FILE [--dry-run] [--parent-rows=check|own] [--sheet NAME] [--map unit=Enhetskod …]`:
// import values from a CSV or XLSX file into the configured database, streamed like an upload,
// with the same validation as the API. Exits non-zero when the file has errors.
import { basename } from 'node:path';
import {
  IMPORT_FIELDS,
  parentRowsSchema,
  type ImportChange,
  type ImportError,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ParentRows,
} from '@tillit/domain';
import { createServices } from '../services/index.js';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import type { Actor } from '../services/audit.js';

const CLI_ACTOR: Actor = { userId: null, username: 'cli', requestId: null };
const USAGE =
  'Användning: npm run import -- FIL.csv [--dry-run] [--parent-rows=check|own] [--sheet BLAD] [--map enhet=Kolumn …] (fält: ' +
  IMPORT_FIELDS.join(', ') +
  ')';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const mapping: ImportMapping = {};
let path: string | undefined;
let parentRows: ParentRows = 'check';
let sheet: string | undefined;
function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
/** `--name=value` or `--name value`. */
const valueOf = (a: string, name: string, i: number): [string | undefined, number] =>
  a === name ? [args[i + 1], i + 1] : [a.slice(name.length + 1), i];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--map' || a.startsWith('--map=')) {
    const [pair, at] = valueOf(a, '--map', i);
    i = at;
    const eq = pair?.indexOf('=') ?? -1;
    const field = pair?.slice(0, eq) as ImportField;
    if (!pair || eq < 1 || !IMPORT_FIELDS.includes(field)) fail(`Okänt --map "${pair ?? ''}".`);
    else mapping[field] = pair.slice(eq + 1);
  } else if (a === '--parent-rows' || a.startsWith('--parent-rows=')) {
    const [value, at] = valueOf(a, '--parent-rows', i);
    i = at;
    const parsed = parentRowsSchema.safeParse(value);
    if (!parsed.success) fail(`--parent-rows ska vara check (summarader kontrolleras och sparas inte) eller own (sparas som enhetens egen siffra).`);
    else parentRows = parsed.data;
  } else if (a === '--sheet' || a.startsWith('--sheet=')) {
    const [value, at] = valueOf(a, '--sheet', i);
    i = at;
    if (!value) fail('--sheet behöver ett bladnamn.');
    sheet = value;
  } else if (!a.startsWith('--')) path = a;
}

const describe = (e: ImportError) => `  rad ${e.row}${e.column ? `, kolumn "${e.column}"` : ''}: ${e.message}`;
const pairText = (p: { numerator: number; denominator: number }) => `${p.numerator}/${p.denominator}`;
const oldText = (c: ImportChange) => (c.old ? pairText(c.old) : c.oldReason ? `dold (${c.oldReason})` : 'nytt');
const shownOf = (shown: number, total: number) => (shown < total ? ` (de första ${shown} visas)` : '');

function printPreview(p: ImportPreview): void {
  const where = p.sheet !== null ? `bladet "${p.sheet}"` : p.encoding ? `teckenkodning ${p.encoding}` : '';
  if (p.headerRow !== null) console.log(`Läst ${where}${where ? ', ' : ''}rubrikrad ${p.headerRow}.`);
  if (p.errorsTotal > 0) {
    console.error(`${p.errorsTotal} fel${shownOf(p.errors.length, p.errorsTotal)}${dryRun ? '' : ' – ingenting har sparats'}:`);
    for (const e of p.errors) console.error(describe(e));
  }
  if (p.needsMapping) {
    console.error(`Filens kolumner: ${p.headers.join(', ')}`);
    const guess = Object.entries(p.mapping).map(([f, h]) => `--map ${f}=${JSON.stringify(h)}`);
    if (guess.length > 0) console.error(`Förslag: ${guess.join(' ')}`);
  }
  if (p.warningsTotal > 0) {
    console.log(`${p.warningsTotal} varningar${shownOf(p.warnings.length, p.warningsTotal)}:`);
    for (const w of p.warnings) console.log(describe(w));
  }
  if (p.totalsTotal > 0) {
    const how = p.parentRows === 'own' ? 'sparas som enheternas egna siffror (--parent-rows=own)' : 'kontrolleras och sparas inte (--parent-rows=own sparar dem)';
    console.log(`Summarader: ${p.totalsTotal}${shownOf(p.totals.length, p.totalsTotal)}, ${how}:`);
    for (const t of p.totals) console.log(`  rad ${t.row}, ${t.unitName ?? 'ingen enhet'} ${t.metricKey} ${t.year}: ${t.message}`);
  }
  if (p.changes.length > 0) console.log(`Ändringar: ${p.changesTotal}${shownOf(p.changes.length, p.changesTotal)}:`);
  for (const c of p.changes) console.log(`  ${c.unitId} ${c.metricKey} ${c.year}: ${oldText(c)} → ${pairText(c.new)}`);
}

if (!path) fail('Ingen fil angiven.');

try {
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  migrate(db);
  const services = createServices(db);
  const options = { dryRun, parentRows, sheet, mapping: Object.keys(mapping).length > 0 ? mapping : undefined };
  const outcome = await services.imports.run({ fileName: basename(path!), path: path! }, options, CLI_ACTOR);
  db.close();
  const { body } = outcome;
  console.log(`${body.rowsRead} rader lästa, ${body.rowsValid} giltiga att spara.`);
  if (outcome.status === 200 || outcome.status === 422) {
    printPreview(outcome.body);
    process.exit(outcome.body.errorsTotal > 0 ? 1 : 0);
  }
  const skipped = outcome.body.totalsSkipped > 0 ? ` ${outcome.body.totalsSkipped} summarader sparades inte.` : '';
  console.log(`Importerat som import nr ${outcome.body.batchId}.${skipped} Ångra med DELETE /api/imports/${outcome.body.batchId}.`);
  process.exit(0);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
