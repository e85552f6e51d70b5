import {
  IMPORT_PREVIEW_CHANGES,
  KOLADA_SYNTHETIC_SOURCE,
  koladaDataUrl,
  koladaFetchedSource,
  koladaImportedSource,
  parseKoladaDocuments,
  type KoladaImportResult,
  type KoladaMapping,
  type KoladaMappingBody,
  type KoladaMappingCreate,
  type KoladaPreview,
  type KoladaPreviewRow,
  type KoladaRow,
  type ReferenceSeries,
} from '@tillit/domain';
import type { Db } from '../db/database.js';
import {
  deleteMapping,
  deletePeriod,
  getMapping,
  insertImport,
  insertValues,
  listMappings,
  mappingsOfMetric,
  municipalityTotals,
  periodValues,
  upsertMapping,
  type KoladaPeriodKey,
  type KoladaValueInsert,
} from '../db/kolada.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import type { CatalogueService } from './catalogue.js';
import type { ImportOutcome } from './import-outcome.js';

/** Where the pages came from; it decides the source each figure carries. */
export type KoladaOrigin = 'file' | 'fetch' | 'demo';

/** One JSON document: a saved file, or a page as fetched (with the URL it came from). */
export interface KoladaInputDocument {
  name: string;
  text: string;
  url: string | null;
}

interface Deps {
  catalogue: CatalogueService;
  /** The municipality whose totals the reference series show (KOLADA_MUNICIPALITY). */
  municipality: string;
}

const periodKey = (r: KoladaRow): KoladaPeriodKey => ({ kpi: r.kpi, municipality: r.municipality, ou: r.ou, period: r.period });
const periodId = (k: KoladaPeriodKey) => `${k.kpi}|${k.municipality ?? ''}|${k.ou ?? ''}|${k.period}`;

/**
 * Kolada reference series: import pages (a file, a live fetch or the demo's example pages) in one
 * transaction, keep the KPI → metric mappings, and give a metric's reference series.
 */
export function createKoladaService(db: Db, { catalogue, municipality }: Deps) {
  const metricOfKpi = () => new Map(listMappings(db).map((m) => [m.kpi, m.metricKey]));

  /** Each distinct year (of a KPI, municipality or unit) the rows touch, once. */
  const periodsOf = (rows: readonly KoladaRow[]) => {
    const periods = new Map<string, KoladaPeriodKey>();
    for (const r of rows) periods.set(periodId(periodKey(r)), periodKey(r));
    return [...periods.values()];
  };

  const sourceOf = (row: KoladaRow, doc: KoladaInputDocument, origin: KoladaOrigin, date: string) => {
    // A page with the synthetic marker is made up, however it arrived.
    if (row.isSynthetic) return { source: KOLADA_SYNTHETIC_SOURCE, sourceUrl: null };
    if (origin === 'fetch') return { source: koladaFetchedSource(row.kpi, date), sourceUrl: doc.url };
    return {
      source: koladaImportedSource(row.kpi, date, doc.name),
      sourceUrl: row.municipality && !row.ou ? koladaDataUrl(row.kpi, row.municipality, [row.period]) : null,
    };
  };

  const preview = (fileName: string, parsed: ReturnType<typeof parseKoladaDocuments>): KoladaPreview => {
    const metrics = metricOfKpi();
    const rows: KoladaPreviewRow[] = [];
    const stored = new Map<string, ReturnType<typeof periodValues>>();
    for (const r of parsed.rows.slice(0, IMPORT_PREVIEW_CHANGES)) {
      const id = periodId(periodKey(r));
      if (!stored.has(id)) stored.set(id, periodValues(db, periodKey(r)));
      const old = stored.get(id)!.find((s) => s.gender === r.gender);
      rows.push({
        kpi: r.kpi,
        municipality: r.municipality,
        ou: r.ou,
        period: r.period,
        gender: r.gender,
        value: r.value,
        status: r.status,
        metricKey: metrics.get(r.kpi) ?? null,
        old: old ? { value: old.value, status: old.status } : null,
      });
    }
    return {
      importId: null,
      fileName,
      rowsRead: parsed.rowsRead,
      rowsValid: parsed.rows.length,
      replaced: periodsOf(parsed.rows).reduce((n, k) => n + periodValues(db, k).length, 0),
      isSynthetic: parsed.rows.some((r) => r.isSynthetic),
      unmappedKpis: [...new Set(parsed.rows.map((r) => r.kpi))].filter((k) => !metrics.has(k)).sort(),
      errors: parsed.errors,
      rows,
    };
  };

  return {
    /**
     * Reads the documents; a dry run previews, otherwise a clean set is written in one
     * transaction (each year it holds replaces that year's stored figures) and any error writes
     * nothing (422).
     */
    import(
      documents: readonly KoladaInputDocument[],
      options: { dryRun: boolean; origin: KoladaOrigin; fileName: string },
      actor: Actor,
    ): ImportOutcome<KoladaPreview, KoladaImportResult> {
      const parsed = parseKoladaDocuments(documents);
      if (options.dryRun) return { status: 200, body: preview(options.fileName, parsed) };
      if (parsed.errors.length > 0) return { status: 422, body: preview(options.fileName, parsed) };

      const now = new Date().toISOString();
      const date = now.slice(0, 10);
      const result = db.transaction(() => {
        let replaced = 0;
        for (const k of periodsOf(parsed.rows)) replaced += deletePeriod(db, k);
        const importId = insertImport(db, {
          fileName: options.fileName,
          origin: options.origin,
          createdBy: actor.username,
          createdAt: now,
          rowsRead: parsed.rowsRead,
          rowsWritten: parsed.rows.length,
          replaced,
        });
        insertValues(
          db,
          parsed.rows.map(
            (r): KoladaValueInsert => ({
              ...periodKey(r),
              gender: r.gender,
              value: r.value,
              status: r.status,
              ...sourceOf(r, documents[r.document]!, options.origin, date),
              isSynthetic: r.isSynthetic,
              importedAt: now,
              importId,
            }),
          ),
        );
        // The demo seed's example pages are not a user's write (no other seeding is audited either).
        if (options.origin !== 'demo') audit(db, actor, 'create', 'kolada_import', importId, null, {
          fileName: options.fileName,
          origin: options.origin,
          rowsRead: parsed.rowsRead,
          rowsWritten: parsed.rows.length,
          replaced,
        });
        return { importId, replaced };
      })();
      return {
        status: 201,
        body: {
          importId: result.importId,
          fileName: options.fileName,
          rowsRead: parsed.rowsRead,
          rowsWritten: parsed.rows.length,
          replaced: result.replaced,
          isSynthetic: parsed.rows.some((r) => r.isSynthetic),
          errors: [],
        },
      };
    },

    mappings: (): KoladaMapping[] => listMappings(db),

    createMapping(body: KoladaMappingCreate, actor: Actor): KoladaMapping {
      catalogue.requireMetric(body.metricKey, 'body.metricKey');
      return db.transaction(() => {
        if (getMapping(db, body.kpi)) throw new ConflictError(`${body.kpi} har redan en koppling. Ändra den i stället.`);
        const mapping: KoladaMapping = { kpi: body.kpi, metricKey: body.metricKey, label: body.label, updatedAt: new Date().toISOString() };
        upsertMapping(db, mapping);
        audit(db, actor, 'create', 'kolada_mapping', body.kpi, null, mapping);
        return mapping;
      })();
    },

    updateMapping(kpi: string, body: KoladaMappingBody, actor: Actor): KoladaMapping {
      catalogue.requireMetric(body.metricKey, 'body.metricKey');
      return db.transaction(() => {
        const before = getMapping(db, kpi);
        if (!before) throw new NotFoundError(`${kpi} har ingen koppling.`);
        const mapping: KoladaMapping = { kpi, metricKey: body.metricKey, label: body.label, updatedAt: new Date().toISOString() };
        upsertMapping(db, mapping);
        audit(db, actor, 'update', 'kolada_mapping', kpi, before, mapping);
        return mapping;
      })();
    },

    deleteMapping(kpi: string, actor: Actor): void {
      db.transaction(() => {
        const before = getMapping(db, kpi);
        if (!before) throw new NotFoundError(`${kpi} har ingen koppling.`);
        deleteMapping(db, kpi);
        audit(db, actor, 'delete', 'kolada_mapping', kpi, before, null);
      })();
    },

    /**
     * The configured municipality's published totals for the KPIs mapped to a metric. These are
     * municipality-wide figures from Kolada, not figures about our persons: no suppression applies.
     */
    referenceSeries(metricKey: string): ReferenceSeries[] {
      catalogue.requireMetric(metricKey);
      return mappingsOfMetric(db, metricKey).flatMap((m): ReferenceSeries[] => {
        const rows = municipalityTotals(db, m.kpi, municipality);
        if (rows.length === 0) return [];
        const sources = [...new Set(rows.map((r) => r.source))];
        return [
          {
            kpi: m.kpi,
            label: m.label,
            municipality,
            gender: 'T',
            points: rows.map((r) => ({ year: r.period, value: r.value, status: r.status, source: r.source, isSynthetic: r.isSynthetic })),
            source: sources.join('; '),
            sourceUrl: rows.find((r) => r.sourceUrl !== null)?.sourceUrl ?? null,
            isSynthetic: rows.some((r) => r.isSynthetic),
          },
        ];
      });
    },
  };
}
export type KoladaService = ReturnType<typeof createKoladaService>;
