import {
  computeReleasesOverTime,
  coverageCalculator,
  emptyPoint,
  internTable,
  roundTo,
  UnitTable,
  type ByUnit,
  type Metric,
  type Organisation,
  type Point,
  type SafePoint,
  type Unit,
  type YearCoverage,
  type YearRelease,
} from '@tillit/domain';
import { listFinalYears } from '../db/coverage.js';
import type { Db } from '../db/database.js';
import { insertReleases, listReleaseDigests, listReleases, releaseDigest } from '../db/releases.js';
import { listContributions, listPublishedFigures, listSources } from '../db/values.js';
import type { UnitService } from './units.js';

type CubePoint = Omit<Point, 'coverage'>;

interface MetricCube {
  version: number;
  years: number[];
  /** Made as Maps, kept as compact tables (`compact`). */
  points: Map<number, ByUnit<CubePoint>>;
  /** How many units below each unit have reported, per year (see `coverageCalculator`). */
  coverage: (year: number) => YearCoverage;
  /** What serving these figures releases, by year, until it is recorded. */
  unrecorded: { year: number; digest: string; release: YearRelease }[] | null;
}

/**
 * Safe figures per metric: aggregated and suppressed over the whole tree of each year (with a
 * merger's successor carrying its predecessors' sum before the merger), so that a unit's figure
 * is consistent with its parent's and siblings'. Computed once per metric and data
 * version, then served from memory.
 */
export function createValueService(db: Db, units: UnitService, data: { version: () => number }) {
  const cubes = new Map<string, MetricCube>();

  const build = (metric: Metric): MetricCube => {
    const synthetic = new Set(listSources(db).filter((s) => s.isSynthetic).map((s) => s.name));
    const published = new Map(
      listPublishedFigures(db, metric.key).map((f) => [`${f.unitId}:${f.year}`, f]),
    );
    const contributions = listContributions(db, metric.key);
    // What was released before is known to whoever saw it (docs/privacy.md).
    const history = listReleases(db, metric.key);
    const outcomes = computeReleasesOverTime(units.organisation(), metric, contributions, history);
    const recorded = listReleaseDigests(db, metric.key);
    const unrecorded: NonNullable<MetricCube['unrecorded']> = [];
    const points = new Map<number, Map<string, CubePoint>>();
    for (const [year, { points: byUnit, release }] of outcomes) {
      const digest = releaseDigest(release);
      if (release.shown.length > 0 && !recorded.get(year)?.has(digest)) unrecorded.push({ year, digest, release });
      const out = new Map<string, CubePoint>();
      for (const [unitId, p] of byUnit) {
        const figure = published.get(`${unitId}:${year}`);
        const matchesPublished =
          figure !== undefined && p.value !== null && roundTo(p.value, metric.decimals) === figure.value;
        out.set(unitId, toPoint(p, matchesPublished ? figure.source : null, synthetic));
      }
      points.set(year, out);
    }
    const years = [...outcomes.keys()].sort((a, b) => a - b);
    const finalYears = listFinalYears(db, metric.key).map((f) => f.year);
    // Who reported which year: the same rows the figures are summed from.
    const coverage = coverageCalculator(units.organisation(), contributions, finalYears);
    return { version: data.version(), years, points, coverage, unrecorded: unrecorded.length > 0 ? unrecorded : null };
  };

  /** Records what this cube's figures release, the first time they are served. */
  const release = (metric: Metric, c: MetricCube): void => {
    if (c.unrecorded === null) return;
    const pending = c.unrecorded;
    c.unrecorded = null;
    db.transaction(() => insertReleases(db, metric.key, pending, new Date().toISOString()))();
  };

  const cube = (metric: Metric): MetricCube => {
    const cached = cubes.get(metric.key);
    if (cached && cached.version === data.version()) return cached;
    const fresh = compact(build(metric), units.organisation());
    cubes.set(metric.key, fresh);
    return fresh;
  };

  return {
    /** Builds a metric's figures ahead of the first request, without serving (releasing) them. */
    warm(metric: Metric): void {
      cube(metric);
    },
    /**
     * A unit's yearly points, every year from `from` to `to` (default: the years with data). What
     * is returned is taken as released: whoever gets it may keep it.
     */
    series(metric: Metric, unit: Unit, range: { from?: number; to?: number } = {}): Point[] {
      const c = cube(metric);
      release(metric, c);
      const from = range.from ?? c.years[0];
      const to = range.to ?? c.years.at(-1);
      if (from === undefined || to === undefined) return [];
      const out: Point[] = [];
      for (let year = from; year <= to; year++) {
        const point = c.points.get(year)?.get(unit.id) ?? toPoint(emptyPoint(year), null, new Set());
        const coverage = c.coverage(year).byUnit.get(unit.id) ?? { reported: 0, expected: 0, isFinal: false };
        out.push({ ...point, coverage });
      }
      return out;
    },
  };
}
export type ValueService = ReturnType<typeof createValueService>;

// Compact storage (see docs/benchmarks.md, memory). A suppressed point carries nothing but its
// year and reason, so every unit's hidden figure of a year is one shared object; a source's name
// (or list of names) is kept once however many points cite it; and a year's points are a
// `UnitTable` rather than a Map. On 2,000 units × 6 metrics × 20 years most unit-level figures
// are hidden and every point cites the same few sources.
const hiddenPoints = internTable<CubePoint>();
const sourceNames = new Map<string, string>();

function hiddenPoint(year: number, reason: SafePoint['reason']): CubePoint {
  return hiddenPoints(`${year}:${String(reason)}`, () => ({ year, value: null, numerator: null, denominator: null, suppressed: true, reason, source: null, isSynthetic: false }));
}

function sourceName(name: string): string {
  const known = sourceNames.get(name);
  if (known !== undefined) return known;
  // Bounded: past this, names are kept per point as before.
  if (sourceNames.size < 10_000) sourceNames.set(name, name);
  return name;
}

/** The cube as kept: each year's points in a compact table over the organisation's units. */
function compact(cube: MetricCube, org: Organisation): MetricCube {
  for (const [year, byUnit] of cube.points) {
    if (byUnit instanceof Map) cube.points.set(year, UnitTable.of(org, byUnit as ReadonlyMap<string, CubePoint>));
  }
  return cube;
}

function toPoint(p: SafePoint, publishedSource: string | null, synthetic: ReadonlySet<string>): CubePoint {
  if (p.suppressed && publishedSource === null && p.sources.length === 0) return hiddenPoint(p.year, p.reason);
  const source = publishedSource ?? (p.sources.length > 0 ? sourceName(p.sources.join('; ')) : null);
  return {
    year: p.year,
    value: p.value,
    numerator: p.numerator,
    denominator: p.denominator,
    suppressed: p.suppressed,
    reason: p.reason,
    source,
    isSynthetic: publishedSource === null && p.sources.some((s) => synthetic.has(s)),
  };
}
