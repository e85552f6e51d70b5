import { computeReleasesOverTime, type Organisation } from '@tillit/domain';
import { listMetrics } from '../db/catalogue.js';
import type { Db } from '../db/database.js';
import { listReleases } from '../db/releases.js';
import { listParentHistory, listReorganisations, listUnits } from '../db/units.js';
import { listContributions } from '../db/values.js';

/** A figure that has been shown and that a change would hide from now on. */
export interface ReleaseWarning {
  unitId: string;
  unitName: string;
  metricKey: string;
  metricName: string;
  year: number;
  /** In Swedish, for the preview: "Nattpatrullen 2025 har redan visats; efter ändringen döljs den." */
  message: string;
}

class RolledBack extends Error {}

/**
 * What a change would newly hide of the figures already shown. The change runs in a transaction
 * that is always rolled back; inside it, every metric's figures are computed as they would be
 * after the change, with everything released before counted as known, and compared with what
 * has been shown. A figure shown once stays known to whoever saw it (docs/privacy.md), so hiding
 * it afterwards protects only later readers: the preview says so before anything is written.
 */
export function releaseWarnings(db: Db, change: () => void, scope: { metricKeys?: readonly string[] } = {}): ReleaseWarning[] {
  const warnings: ReleaseWarning[] = [];
  try {
    db.transaction(() => {
      change();
      const units = listUnits(db);
      const names = new Map(units.map((u) => [u.id, u.name]));
      const org: Organisation = { units, parentHistory: listParentHistory(db), reorganisations: listReorganisations(db) };
      for (const metric of listMetrics(db)) {
        if (scope.metricKeys && !scope.metricKeys.includes(metric.key)) continue;
        const history = listReleases(db, metric.key);
        if (history.size === 0) continue;
        const outcomes = computeReleasesOverTime(org, metric, listContributions(db, metric.key), history);
        for (const [year, releases] of history) {
          const shownBefore = new Set(releases.flatMap((r) => r.shown));
          const after = outcomes.get(year)?.points;
          for (const unitId of shownBefore) {
            const point = after?.get(unitId);
            if (point && !point.suppressed) continue;
            if (!point && !names.has(unitId)) continue;
            const unitName = names.get(unitId) ?? unitId;
            warnings.push({
              unitId,
              unitName,
              metricKey: metric.key,
              metricName: metric.name.sv,
              year,
              message: `${unitName} ${year} (${metric.name.sv}) har redan visats; efter ändringen döljs den.`,
            });
          }
        }
      }
      throw new RolledBack();
    })();
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
  }
  return warnings.sort((a, b) => a.metricKey.localeCompare(b.metricKey) || a.year - b.year || a.unitName.localeCompare(b.unitName, 'sv'));
}
