import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCatalogueService } from './catalogue.js';
import type { Db } from '../db/database.js';
import { countKoladaValues } from '../db/kolada.js';
import { SYSTEM_ACTOR } from './audit.js';
import { createKoladaService, type KoladaInputDocument } from './kolada.js';

/** The saved example pages in Kolada's format (made-up figures, marked so): data/kolada/. */
export const KOLADA_DEMO_DIR = fileURLToPath(new URL('../../../../data/kolada/', import.meta.url));

function readKoladaPages(dir: string = KOLADA_DEMO_DIR): KoladaInputDocument[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8'), url: null }));
}

/**
 * Loads the example pages so the demo shows a reference line. Their figures are synthetic (each
 * page carries the marker, and the import labels them so). Returns the rows written: 0 when the
 * pages are missing or Kolada figures are already stored; a broken page is a bug in the
 * repository and stops the seed.
 */
export function seedKoladaDemo(db: Db, dir?: string): number {
  // Never over figures someone has already imported (say, real ones from the command line).
  if (countKoladaValues(db) > 0) return 0;
  const pages = readKoladaPages(dir);
  if (pages.length === 0) return 0;
  const kolada = createKoladaService(db, { catalogue: createCatalogueService(db, { version: () => 0 }), municipality: '0680' });
  const outcome = kolada.import(pages, { dryRun: false, origin: 'demo', fileName: 'data/kolada (syntetiska exempel)' }, SYSTEM_ACTOR);
  if (outcome.status !== 201) {
    throw new Error(`Kolada example pages are broken: ${outcome.body.errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join('; ')}`);
  }
  return outcome.body.rowsWritten;
}
