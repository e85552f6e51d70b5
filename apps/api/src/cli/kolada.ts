// `npm run kolada -- FILE.json...` imports saved Kolada pages; `npm run kolada -- --fetch
// [--from 2015 --to 2025] [--dry-run]` fetches the mapped KPIs for KOLADA_MUNICIPALITY live
// from api.kolada.se. Both go through the same import as the API. Exits non-zero on errors.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createServices } from '../services/index.js';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import type { Actor } from '../services/audit.js';
import { decodeText } from '../services/import-decode.js';
import { fetchKoladaSeries, KoladaFetchError } from '../services/kolada-fetch.js';
import type { KoladaInputDocument } from '../services/kolada.js';
import { koladaReport } from './kolada-report.js';

const CLI_ACTOR: Actor = { userId: null, username: 'cli', requestId: null };
const USAGE = 'Användning: npm run kolada -- FIL.json [FIL2.json …] [--dry-run]\n         npm run kolada -- --fetch [--from 2015 --to 2025] [--dry-run]';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dryRun = args.includes('--dry-run');
const isFetch = args.includes('--fetch');
const optionValues = new Set(['--from', '--to'].map((o) => option(o)).filter((v) => v !== undefined));
const files = args.filter((a) => !a.startsWith('--') && !optionValues.has(a));
const thisYear = new Date().getFullYear();
const from = Number(option('--from') ?? 2015);
const to = Number(option('--to') ?? thisYear);

if ((!isFetch && files.length === 0) || (isFetch && files.length > 0)) {
  console.error(USAGE);
  process.exit(2);
}
if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1990 || to > 2100 || from > to) {
  console.error(`--from och --to ska vara årtal (1990–2100), --from före --to.\n${USAGE}`);
  process.exit(2);
}

try {
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  migrate(db);
  const services = createServices(db, undefined, config.koladaMunicipality);
  let documents: KoladaInputDocument[];
  if (isFetch) {
    const kpis = [...new Set(services.kolada.mappings().map((m) => m.kpi))];
    if (kpis.length === 0) throw new Error('Inga Kolada-kopplingar: lägg till en (Importera → Kolada) först.');
    console.log(`Hämtar ${kpis.join(', ')} för kommun ${config.koladaMunicipality}, ${from}–${to} …`);
    documents = await fetchKoladaSeries(kpis, config.koladaMunicipality, { from, to });
    console.log(`${documents.length} sidor hämtade.`);
  } else {
    // PowerShell 5.1 saves JSON as UTF-16: decoded by its byte-order mark.
    documents = files.map((f) => ({ name: basename(f), text: decodeText(readFileSync(f)).text, url: null }));
  }
  const fileName = isFetch ? `Kolada ${config.koladaMunicipality} ${from}–${to}` : documents.map((d) => d.name).join(', ');
  const outcome = services.kolada.import(documents, { dryRun, origin: isFetch ? 'fetch' : 'file', fileName }, CLI_ACTOR);
  db.close();
  const { out, err } = koladaReport(outcome, dryRun);
  out.forEach((line) => console.log(line));
  err.forEach((line) => console.error(line));
  process.exit(outcome.body.errors.length > 0 ? 1 : 0);
} catch (err) {
  console.error(err instanceof KoladaFetchError || err instanceof Error ? err.message : err);
  process.exit(1);
}
