/**
 * The privacy step of `npm run bench` (not part of `npm test`: minutes of linear programming).
 * On the 2,000-unit scale dataset: what suppression with a memory of releases costs, next to
 * suppression without it in the same run; and the independent linear-programming checker on
 * sample years, before and after a late unit is added to a year already shown. Writes
 * bench/results/privacy.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aggregateTree,
  computeReleasesOverTime,
  contributionsByYear,
  treeForYear,
  type Contribution,
  type Organisation,
  type SuppressionResult,
  type YearContribution,
  type YearRelease,
} from '@tillit/domain';
import { expect, it } from 'vitest';
import { lpProblems, stateOfTree, type LpState } from '../../../packages/domain/src/test-lp.js';
import { listMetrics } from './db/catalogue.js';
import { migrate, openDatabase } from './db/database.js';
import { listParentHistory, listReorganisations, listUnits } from './db/units.js';
import { listContributions } from './db/values.js';
import { seed } from './services/seed.js';

const LP_YEARS = [2016, 2024];
const LATE_YEAR = 2024;

function stateOf(org: Organisation, list: readonly Contribution[], year: number, metric: Parameters<typeof aggregateTree>[2], shown: ReadonlySet<string>): LpState {
  const tree = treeForYear(org, year, new Set(list.map((c) => c.unitId)));
  const cells = aggregateTree(tree.roots, list, metric);
  const verdicts = new Map<string, SuppressionResult>();
  for (const [id, agg] of cells) if (agg.total) verdicts.set(id, { suppressed: !shown.has(id), reason: shown.has(id) ? null : 'secondary' });
  return stateOfTree(tree.roots, cells, verdicts);
}

const time = <T>(fn: () => T): { ms: number; value: T } => {
  const started = performance.now();
  const value = fn();
  return { ms: Math.round(performance.now() - started), value };
};

it('privacy on the scale dataset: cost of the memory of releases, and the LP checker', { timeout: 3_600_000 }, async () => {
  const db = openDatabase(':memory:');
  migrate(db);
  seed(db, { demo: true, dataset: 'scale' });
  const units = listUnits(db);
  const org: Organisation = { units, parentHistory: listParentHistory(db), reorganisations: listReorganisations(db) };
  const rows: Record<string, unknown>[] = [];
  for (const metric of listMetrics(db)) {
    if (metric.suppressionThreshold === null) continue;
    const contributions = listContributions(db, metric.key);
    const log = (what: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${metric.key}: ${what}`);
    const plain = time(() => computeReleasesOverTime(org, metric, contributions));
    log(`no history ${plain.ms} ms`);
    const history = new Map<number, YearRelease[]>([...plain.value].map(([y, o]) => [y, [o.release]]));
    const remembered = time(() => computeReleasesOverTime(org, metric, contributions, history));
    log(`with history ${remembered.ms} ms`);

    // A late unit: one small unit added under the first area with a figure for a year already shown.
    const area = units.find((u) => u.kind === 'area')!;
    const late = { id: 'sen-enhet', name: 'Sen enhet', kind: 'unit' as const, parentId: area.id, validFrom: `${LATE_YEAR}-01-01`, validTo: null };
    const lateOrg: Organisation = { ...org, units: [...units, late] };
    const lateFigures: YearContribution[] = [
      ...contributions,
      { unitId: late.id, year: LATE_YEAR, numerator: 1, denominator: 3, groupSize: 3, source: 'bench' },
    ];
    const afterLate = time(() => computeReleasesOverTime(lateOrg, metric, lateFigures, history));
    log(`after a late unit ${afterLate.ms} ms`);

    const byYear = new Map(contributionsByYear(contributions));
    const lateByYear = new Map(contributionsByYear(lateFigures));
    const shownIn = (o: typeof plain.value, year: number) =>
      new Set([...(o.get(year)?.points ?? [])].filter(([, p]) => !p.suppressed).map(([id]) => id));
    const lp = time(() => Promise.resolve());
    const problems: string[] = [];
    let hidden = 0;
    const lpStarted = performance.now();
    for (const year of LP_YEARS) {
      const state = stateOf(org, byYear.get(year)!, year, metric, shownIn(remembered.value, year));
      hidden += state.figures.filter((f) => !f.shown).length;
      problems.push(...(await lpProblems([state], { bounded: metric.bounded, threshold: metric.suppressionThreshold })));
      log(`LP ${year}: ${state.figures.filter((f) => !f.shown).length} hidden, ${Math.round(performance.now() - lpStarted)} ms so far`);
    }
    const before = stateOf(org, byYear.get(LATE_YEAR)!, LATE_YEAR, metric, shownIn(remembered.value, LATE_YEAR));
    const after = stateOf(lateOrg, lateByYear.get(LATE_YEAR)!, LATE_YEAR, metric, shownIn(afterLate.value, LATE_YEAR));
    problems.push(...(await lpProblems([before, after], { bounded: metric.bounded, threshold: metric.suppressionThreshold })));
    lp.ms = Math.round(performance.now() - lpStarted);

    const hiddenNow = (o: typeof plain.value) => [...o.values()].reduce((n, y) => n + [...y.points.values()].filter((p) => p.suppressed).length, 0);
    rows.push({
      metric: metric.key,
      'suppression, no history (ms)': plain.ms,
      'with every year released once (ms)': remembered.ms,
      'after a late unit (ms)': afterLate.ms,
      'hidden cells (all years)': hiddenNow(plain.value),
      'hidden after the late unit': hiddenNow(afterLate.value),
      'LP: hidden figures checked': hidden,
      'LP: problems': problems.length,
      'LP (ms)': lp.ms,
    });
    expect(problems, metric.key).toEqual([]);
  }
  console.table(rows);
  const out = join(process.cwd(), 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'privacy.json'), JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
});
