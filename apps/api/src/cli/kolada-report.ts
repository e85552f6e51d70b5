import type { KoladaImportError, KoladaImportResult, KoladaPreview } from '@tillit/domain';
import type { ImportOutcome } from '../services/import-outcome.js';

const describe = (e: KoladaImportError) => `  ${e.file}${e.page !== null ? `, sida ${e.page}` : ''}${e.path ? `, ${e.path}` : ''}: ${e.message}`;

/**
 * What `npm run kolada` prints for an outcome: to standard output and to standard error. Nothing
 * is said to be stored or replaced unless it was: a refused file says so first.
 */
export function koladaReport(outcome: ImportOutcome<KoladaPreview, KoladaImportResult>, isDryRun: boolean): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const { body } = outcome;
  const synthetic = body.isSynthetic ? ' (syntetiska exempelvärden)' : '';
  if (outcome.status === 201) {
    out.push(`${body.rowsRead} värden lästa, ${outcome.body.rowsWritten} sparade${synthetic}; ${body.replaced} tidigare lagrade värden ersattes.`);
    out.push(`Importerat som Kolada-import nr ${outcome.body.importId}.`);
    return { out, err };
  }
  const p = outcome.body;
  if (outcome.status === 422) err.push(`Ingenting har sparats: filen har ${p.errors.length} fel.`);
  const replaced = outcome.status === 422 ? 'skulle ha ersatts' : 'skulle ersättas';
  out.push(`${p.rowsRead} värden lästa, ${p.rowsValid} giltiga${synthetic}; ${p.replaced} lagrade värden ${replaced}${isDryRun ? ' (förhandsgranskning: ingenting sparas)' : ''}.`);
  if (p.unmappedKpis.length > 0) out.push(`Utan koppling till ett nyckeltal (sparas ändå): ${p.unmappedKpis.join(', ')}.`);
  if (p.errors.length > 0) {
    err.push(`${p.errors.length} fel:`);
    for (const e of p.errors) err.push(describe(e));
  }
  return { out, err };
}
