/**
 * For API tests: what a reader of `/api/values` sees of one metric and year, as equations over
 * the figures in the database, for the independent linear-programming checker of the domain's
 * tests (packages/domain/src/test-lp.ts). The figures shown are taken from the real responses.
 */
import { aggregateTree, contributionsByYear, treeForYear, valuesResponseSchema, type SuppressionResult } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import { lpProblems, stateOfTree, type LpState } from '../../../packages/domain/src/test-lp.js';
import type { Db } from './db/database.js';
import { listParentHistory, listReorganisations, listUnits } from './db/units.js';
import { listContributions } from './db/values.js';
import { getMetric } from './db/catalogue.js';

/** Every year's state of a metric as the API shows it now, by year. */
export async function statesOfMetric(app: FastifyInstance, db: Db, cookie: string, metricKey: string): Promise<Map<number, LpState>> {
  const metric = getMetric(db, metricKey)!;
  const org = { units: listUnits(db), parentHistory: listParentHistory(db), reorganisations: listReorganisations(db) };
  const shown = new Map<string, Map<number, boolean>>();
  for (const unit of org.units) {
    const res = await app.inject({ method: 'GET', url: `/api/values?metric=${metricKey}&unit=${unit.id}`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`GET /api/values for ${unit.id}: ${res.statusCode} ${res.body}`);
    const { points } = valuesResponseSchema.parse(res.json());
    shown.set(unit.id, new Map(points.map((p) => [p.year, !p.suppressed && p.value !== null])));
  }
  const out = new Map<number, LpState>();
  for (const [year, list] of contributionsByYear(listContributions(db, metricKey))) {
    const tree = treeForYear(org, year, new Set(list.map((c) => c.unitId)));
    const cells = aggregateTree(tree.roots, list, metric);
    const verdicts = new Map<string, SuppressionResult>();
    for (const [id, agg] of cells) {
      if (!agg.total) continue;
      const isShown = shown.get(id)?.get(year) ?? false;
      verdicts.set(id, { suppressed: !isShown, reason: isShown ? null : 'secondary' });
    }
    const state = stateOfTree(tree.roots, cells, verdicts);
    for (const d of tree.derived) {
      const parts = state.figures.filter((f) => d.parts.includes(f.label));
      state.figures.push({
        label: d.id,
        atoms: [...new Set(parts.flatMap((f) => f.atoms))],
        shown: shown.get(d.id)?.get(year) ?? false,
        minGroup: Infinity,
      });
    }
    out.set(year, state);
  }
  return out;
}

export { lpProblems, type LpState };
