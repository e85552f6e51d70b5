import { analysisOf, isUnchangedAnalysis, type Analysis, type analysisBodySchema, type PublishedAnalysis } from '@tillit/domain';
import type { z } from 'zod/mini';
import {
  findAnalysisHead,
  insertAnalysisHead,
  insertAnalysisVersion,
  listAnalysisHeads,
  listAnalysisVersions,
  listPublishedAnalyses,
  type AnalysisHead,
} from '../db/analyses.js';
import type { Db } from '../db/database.js';
import { audit, type Actor } from './audit.js';
import type { SessionUser } from './auth.js';
import type { CatalogueService } from './catalogue.js';
import type { UnitService } from './units.js';

type Body = z.output<typeof analysisBodySchema>;

/** What the audit log keeps of a save: the version written, whole (the text is not a figure). */
const auditView = (head: AnalysisHead, v: { version: number; text: string; status: string }) => ({
  unitId: head.unitId,
  metricKey: head.metricKey,
  year: head.year,
  version: v.version,
  status: v.status,
  text: v.text,
});

/**
 * The development manager's analyses: one per unit, metric and year, every save a version. A
 * save with the same text and status as the newest version writes nothing. Only published
 * versions leave through `published` (the summary and public links).
 */
export function createAnalysisService(db: Db, deps: { units: UnitService; catalogue: CatalogueService }) {
  const withVersions = (heads: readonly AnalysisHead[]): Analysis[] => {
    const versions = listAnalysisVersions(db, heads.map((h) => h.id));
    return heads.map((h) => analysisOf(h, versions.filter((v) => v.analysisId === h.id).map(({ analysisId: _id, ...v }) => v)));
  };

  return {
    /** Every analysis of a unit in a year (drafts too: for the development manager). */
    list(unitId: string, year: number): Analysis[] {
      deps.units.requireUnit(unitId);
      return withVersions(listAnalysisHeads(db, unitId, year));
    },

    /** The same, by metric key. */
    byMetric(unitId: string, year: number): Map<string, Analysis> {
      return new Map(withVersions(listAnalysisHeads(db, unitId, year)).map((a) => [a.metricKey, a]));
    },

    save(user: SessionUser, actor: Actor, body: Body): Analysis {
      deps.units.requireUnit(body.unitId, 'body.unitId');
      deps.catalogue.requireMetric(body.metricKey, 'body.metricKey');
      return db.transaction(() => {
        const now = new Date().toISOString();
        const existing = findAnalysisHead(db, body.unitId, body.metricKey, body.year);
        const head = existing ?? { id: insertAnalysisHead(db, body, now), unitId: body.unitId, metricKey: body.metricKey, year: body.year };
        const versions = listAnalysisVersions(db, [head.id]).map(({ analysisId: _id, ...v }) => v);
        const newest = versions.at(-1);
        if (newest && isUnchangedAnalysis(newest, body)) return analysisOf(head, versions);
        const version = (newest?.version ?? 0) + 1;
        insertAnalysisVersion(db, { analysisId: head.id, version, text: body.text, status: body.status, writtenBy: user.id }, now);
        audit(
          db,
          actor,
          body.status === 'published' ? 'publish' : 'save_draft',
          'analysis',
          head.id,
          newest ? auditView(head, newest) : null,
          auditView(head, { version, text: body.text, status: body.status }),
        );
        return withVersions([head])[0]!;
      })();
    },

    /**
     * The published analysis the summary shows for each metric of a unit: the newest year's up
     * to `latestYear(metricKey)` (the year of the figure shown; any year when it has none).
     */
    published(unitId: string, latestYear: (metricKey: string) => number | null): Map<string, PublishedAnalysis> {
      const out = new Map<string, PublishedAnalysis>();
      for (const a of listPublishedAnalyses(db, unitId)) {
        if (out.has(a.metricKey)) continue;
        const limit = latestYear(a.metricKey);
        if (limit !== null && a.year > limit) continue;
        out.set(a.metricKey, { text: a.text, year: a.year, publishedAt: a.publishedAt });
      }
      return out;
    },
  };
}
export type AnalysisService = ReturnType<typeof createAnalysisService>;
