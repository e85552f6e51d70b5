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
 * that is always rolled back; inside it, every metric's figures are computed before and after the
 * change, with everything released before counted as known: a figure shown before, released, and
 * hidden after is named (one that is already hidden today, or was never shown, is not). A figure shown once stays known to whoever saw it (docs/privacy.md), so hiding
 * it afterwards protects only later readers: the preview says so before anything is written.
 */
export function releaseWarnings(db: Db, change: () => void, scope: { metricKeys?: readonly string[] } = {}): ReleaseWarning[] {
  const warnings: ReleaseWarning[] = [];
  try {
    db.transaction(() => {
      const metrics = listMetrics(db).filter((m) => !scope.metricKeys || scope.metricKeys.includes(m.key));
      const histories = new Map(metrics.map((m) => [m.key, listReleases(db, m.key)]));
      const shownNow = (metric: (typeof metrics)[number]) => {
        const org: Organisation = { units: listUnits(db), parentHistory: listParentHistory(db), reorganisations: listReorganisations(db) };
        const outcomes = computeReleasesOverTime(org, metric, listContributions(db, metric.key), histories.get(metric.key));
        const shown = new Set<string>();
        for (const [year, { points }] of outcomes) for (const [unitId, p] of points) if (!p.suppressed) shown.add(`${year}|${unitId}`);
        return shown;
      };
      // Shown today and released before: those a change could take from later readers only.
      const before = new Map<string, Set<string>>();
      for (const metric of metrics) {
        const history = histories.get(metric.key)!;
        if (history.size === 0) continue;
        const released = new Set([...history].flatMap(([year, releases]) => releases.flatMap((r) => r.shown.map((id) => `${year}|${id}`))));
        before.set(metric.key, new Set([...shownNow(metric)].filter((k) => released.has(k))));
      }
      change();
      const names = new Map(listUnits(db).map((u) => [u.id, u.name]));
      for (const metric of metrics) {
        const wasShown = before.get(metric.key);
        if (!wasShown || wasShown.size === 0) continue;
        const after = shownNow(metric);
        for (const key of wasShown) {
          if (after.has(key)) continue;
          const [year, unitId] = [Number(key.slice(0, key.indexOf('|'))), key.slice(key.indexOf('|') + 1)];
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
      throw new RolledBack();
    })();
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
  }
  return warnings.sort((a, b) => a.metricKey.localeCompare(b.metricKey) || a.year - b.year || a.unitName.localeCompare(b.unitName, 'sv'));
}
