import { roundTo, type Unit, type ValueRow } from '@tillit/domain';
import { createRandom, splitProportionally, spreadInteger } from './random.js';

/**
 * Deterministic demo data: a social services department modelled on Jönköping's, with five
 * areas and forty units, 2019–2025. Every unit figure is synthetic. The department's totals are
 * calibrated so that 2019 and 2024 reproduce, to the cited precision, the real figures that
 * Jönköpings kommun published; those totals carry that source.
 */

const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

export const SYNTHETIC_SOURCE = 'Syntetiska demodata (Tillit)';

export const REAL_SOURCE =
  'Jönköpings kommun, socialförvaltningen; citerad i artikeln ”Lyckat chefsstöd: ’Kräver att man kan blotta sig’” (26 november 2024)';

export const DEPARTMENT_ID = 'soc';

/** The real figures for the department as a whole (Jönköpings kommun, via the article above). */
export const REAL_FIGURES = [
  { metricKey: 'manager_turnover_external', year: 2019, value: 7.3 },
  { metricKey: 'manager_turnover_external', year: 2024, value: 4.0 },
  { metricKey: 'manager_tenure_3y', year: 2019, value: 28 },
  { metricKey: 'manager_tenure_3y', year: 2024, value: 50 },
  { metricKey: 'staff_turnover', year: 2019, value: 5.8 },
  { metricKey: 'staff_turnover', year: 2024, value: 4.0 },
  { metricKey: 'manager_sick_leave', year: 2019, value: 3.42 },
  { metricKey: 'manager_sick_leave', year: 2024, value: 2.11 },
] as const;

/** Department-level series the synthetic units are calibrated to; 2019 and 2024 are the real ones. */
const DEPARTMENT_SERIES = {
  manager_turnover_external: { decimals: 1, values: [7.3, 6.8, 6.1, 5.4, 4.6, 4.0, 4.3] },
  manager_tenure_3y: { decimals: 0, values: [28, 30, 35, 41, 46, 50, 53] },
  staff_turnover: { decimals: 1, values: [5.8, 5.6, 5.2, 4.9, 4.4, 4.0, 4.1] },
  manager_sick_leave: { decimals: 2, values: [3.42, 3.61, 3.18, 2.74, 2.39, 2.11, 2.02] },
  manager_mobility_internal: { decimals: 1, values: [3.6, 4.1, 6.2, 5.8, 4.9, 4.3, 4.0] },
} as const;

interface AreaPlan {
  id: string;
  name: string;
  staff: readonly [number, number];
  units: readonly string[];
}

const AREAS: readonly AreaPlan[] = [
  {
    id: 'vob',
    name: 'Vård- och omsorgsboende',
    staff: [30, 48],
    units: ['Ekbacken', 'Lindgården', 'Solhemmet', 'Björkhagen', 'Tallbacken', 'Ängsgården', 'Sjöglimten', 'Rosengården'],
  },
  {
    id: 'hemtjanst',
    name: 'Hemtjänst',
    staff: [24, 44],
    units: ['Hemtjänst Centrum', 'Hemtjänst Öster', 'Hemtjänst Väster', 'Hemtjänst Norr', 'Hemtjänst Söder', 'Hemtjänst Landsbygd', 'Nattpatrullen', 'Trygghetsteamet'],
  },
  {
    id: 'ifo',
    name: 'Individ- och familjeomsorg',
    staff: [18, 34],
    units: ['Barn och unga – utredning', 'Barn och unga – insats', 'Familjehemsenheten', 'Vuxenenheten', 'Försörjningsstöd', 'Mottagningsenheten', 'Beroendeenheten', 'Våld i nära relationer'],
  },
  {
    id: 'funktionsstod',
    name: 'Funktionsstöd',
    staff: [18, 40],
    units: ['Gruppbostäder Norr', 'Gruppbostäder Söder', 'Servicebostäder', 'Daglig verksamhet', 'Personlig assistans', 'Boendestöd', 'Korttidsvistelse', 'Socialpsykiatri'],
  },
  {
    id: 'hsl',
    name: 'Hälso- och sjukvård',
    staff: [16, 32],
    units: ['Rehab Öster', 'Rehab Väster', 'Sjuksköterskor Öster', 'Sjuksköterskor Väster', 'Demensteamet', 'Hjälpmedel', 'Nattsjuksköterskor', 'Kvälls- och helgteam'],
  },
];

/** A reorganisation in the demo (synthetic, like the units): see `DEMO_MERGER`. */
export interface DemoReorganisation {
  kind: 'merge';
  year: number;
  from: string[];
  to: string[];
  note: string;
}

export interface DemoData {
  units: Unit[];
  values: ValueRow[];
  published: { unitId: string; metricKey: string; year: number; value: number }[];
  /** Optional, so that other generated datasets (the benchmarks' scale data) need none. */
  reorganisations?: DemoReorganisation[];
}

/**
 * The demo's one merger: Hemtjänst Landsbygd was formed in 2022 from two groups, each with its
 * own manager. Before 2022 its figures are split between them (whole persons, exact sums), so
 * the department's totals, and its own trend, stay exactly what they were.
 */
export const DEMO_MERGER = {
  year: 2022,
  successor: 'hemtjanst-hemtjanst-landsbygd',
  predecessors: [
    { id: 'hemtjanst-landsbygd-norra', name: 'Hemtjänst Landsbygd norra' },
    { id: 'hemtjanst-landsbygd-sodra', name: 'Hemtjänst Landsbygd södra' },
  ],
} as const;

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface UnitPlan {
  id: string;
  staff: number[]; // non-managers on 31 Dec, per year
  managers: number[]; // managers on 31 Dec, per year
  hoursPerManager: number; // scheduled hours per full year
}

/** After its reform a unit gets a manager per this many staff, so it stays at 25 or fewer. */
const REFORMED_STAFF_PER_MANAGER = 22;

export function generateDemoData(seed = 20190101): DemoData {
  const random = createRandom(seed);
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

  const units: Unit[] = [
    { id: DEPARTMENT_ID, name: 'Socialförvaltningen', kind: 'department', parentId: null, validFrom: '2015-01-01', validTo: null },
  ];
  const plans: UnitPlan[] = [];
  for (const area of AREAS) {
    units.push({ id: area.id, name: area.name, kind: 'area', parentId: DEPARTMENT_ID, validFrom: '2015-01-01', validTo: null });
    for (const name of area.units) {
      const id = `${area.id}-${slugify(name)}`;
      units.push({ id, name, kind: 'unit', parentId: area.id, validFrom: '2015-01-01', validTo: null });
      plans.push(planUnit(id, area.staff, between));
    }
  }

  const values: ValueRow[] = [];
  DEMO_YEARS.forEach((year, y) => {
    makeTenureCalibratable(plans, y);
    const managers = plans.map((p) => p.managers[y]!);
    const headcount = plans.map((p) => p.staff[y]! + p.managers[y]!);
    for (const p of plans) {
      values.push({ unitId: p.id, metricKey: 'staff_per_manager', year, numerator: p.staff[y]!, denominator: p.managers[y]!, groupSize: null });
    }
    const rate = (key: keyof typeof DEPARTMENT_SERIES) => DEPARTMENT_SERIES[key].values[y]!;

    // Leavers over an average headcount: whole persons over a calibrated average.
    const turnover = (key: keyof typeof DEPARTMENT_SERIES, heads: number[], group: number[]) => {
      const { decimals } = DEPARTMENT_SERIES[key];
      const { numerator, denominator } = calibrateAverage(rate(key), decimals, heads);
      const averages = splitProportionally(Math.round(denominator * 100), heads);
      const parts = spreadInteger(numerator, heads, averages.map((a) => Math.floor(a / 100)), random);
      plans.forEach((p, i) =>
        values.push({ unitId: p.id, metricKey: key, year, numerator: parts[i]!, denominator: averages[i]! / 100, groupSize: group[i]! }),
      );
    };
    turnover('manager_turnover_external', managers, managers);
    turnover('manager_mobility_internal', managers, managers);
    turnover('staff_turnover', headcount, headcount);

    const M = managers.reduce((a, b) => a + b, 0);
    const tenured = wholeNumeratorFor(rate('manager_tenure_3y'), 0, M);
    const tenureParts = spreadInteger(tenured, managers, managers, random);
    plans.forEach((p, i) =>
      values.push({ unitId: p.id, metricKey: 'manager_tenure_3y', year, numerator: tenureParts[i]!, denominator: managers[i]!, groupSize: managers[i]! }),
    );

    // Sick leave: hours in hundredths, so the department total can hit any two-decimal rate.
    const hours = plans.map((p) => Math.round(p.managers[y]! * p.hoursPerManager * 100));
    const totalHours = hours.reduce((a, b) => a + b, 0);
    const sickTotal = Math.round((totalHours * rate('manager_sick_leave')) / 100);
    const sickParts = splitProportionally(sickTotal, hours.map((h) => h * (0.2 + 1.6 * random())));
    plans.forEach((p, i) =>
      values.push({
        unitId: p.id,
        metricKey: 'manager_sick_leave',
        year,
        numerator: sickParts[i]! / 100,
        denominator: hours[i]! / 100,
        groupSize: managers[i]!,
      }),
    );
  });

  const published = REAL_FIGURES.map((f) => ({ unitId: DEPARTMENT_ID, metricKey: f.metricKey, year: f.year, value: f.value }));
  const merged = splitBeforeMerger(units, values);
  return { ...merged, published, reorganisations: [demoMergerRecord()] };
}

function demoMergerRecord(): DemoReorganisation {
  return {
    kind: 'merge',
    year: DEMO_MERGER.year,
    from: DEMO_MERGER.predecessors.map((p) => p.id),
    to: [DEMO_MERGER.successor],
    note: 'Två hemtjänstgrupper på landsbygden blev en enhet (syntetiskt exempel).',
  };
}

/**
 * Moves the successor's figures before the merger year to its two predecessors, halves that sum
 * exactly: hundredths for hours and averages, whole persons for counts, every part within its
 * own denominator, and one manager each.
 */
function splitBeforeMerger(units: Unit[], values: ValueRow[]): { units: Unit[]; values: ValueRow[] } {
  const { year, successor, predecessors } = DEMO_MERGER;
  const parent = units.find((u) => u.id === successor)!.parentId;
  const out: Unit[] = units.map((u) => (u.id === successor ? { ...u, validFrom: `${year}-01-01` } : u));
  for (const p of predecessors) {
    out.push({ id: p.id, name: p.name, kind: 'unit', parentId: parent, validFrom: '2015-01-01', validTo: `${year - 1}-12-31` });
  }
  const [a, b] = predecessors;
  const split: ValueRow[] = [];
  for (const v of values) {
    if (v.unitId !== successor || v.year >= year) {
      split.push(v);
      continue;
    }
    const [d1, d2] = halveDenominator(v.denominator);
    const isHours = v.metricKey === 'manager_sick_leave';
    const n1 = isHours
      ? Math.round((v.numerator * 100 * d1) / v.denominator) / 100
      : v.metricKey === 'staff_per_manager'
        ? Math.ceil(v.numerator / 2)
        : Math.max(v.numerator - Math.floor(d2), Math.min(Math.ceil(v.numerator / 2), Math.floor(d1)));
    const n2 = Math.round((v.numerator - n1) * 100) / 100;
    const g1 = v.groupSize === null ? null : Math.ceil(v.groupSize / 2);
    const g2 = v.groupSize === null || g1 === null ? null : v.groupSize - g1;
    split.push({ ...v, unitId: a.id, numerator: n1, denominator: d1, groupSize: g1 });
    split.push({ ...v, unitId: b.id, numerator: n2, denominator: d2, groupSize: g2 });
  }
  return { units: out, values: split };
}

/** Two positive parts whose whole parts add up to the whole part of the total, so whole persons fit. */
function halveDenominator(d: number): [number, number] {
  const first = Math.ceil(d / 2);
  const second = Math.round((d - first) * 100) / 100;
  if (second <= 0) throw new Error(`Cannot split ${d} between two units`);
  return [first, second];
}

function planUnit(id: string, range: readonly [number, number], between: (lo: number, hi: number) => number): UnitPlan {
  const start = between(range[0], range[1]);
  const baseManagers = start > 30 ? 2 : 1;
  // The year the unit was made smaller (a second manager or a split), 2020–2024.
  const reformIndex = between(1, 5);
  const staff: number[] = [];
  const managers: number[] = [];
  let s = start;
  DEMO_YEARS.forEach((_, y) => {
    if (y > 0) s = Math.max(range[0] - 2, s + between(-2, 2));
    staff.push(s);
    const needed = Math.ceil(s / REFORMED_STAFF_PER_MANAGER);
    managers.push(y >= reformIndex ? Math.max(baseManagers, needed) : baseManagers);
  });
  return { id, staff, managers, hoursPerManager: between(1660, 1780) };
}

/**
 * Tenure is whole managers over whole managers, and not every count of managers allows a share
 * that rounds to the real figure (no n/55 rounds to 28 %). Adds a manager where the ratio of
 * staff to managers is highest until one does.
 */
function makeTenureCalibratable(plans: UnitPlan[], y: number): void {
  const target = DEPARTMENT_SERIES.manager_tenure_3y.values[y]!;
  for (;;) {
    const M = plans.reduce((a, p) => a + p.managers[y]!, 0);
    if (wholeNumeratorFor(target, 0, M, false) >= 0) return;
    const busiest = [...plans].sort((a, b) => b.staff[y]! / b.managers[y]! - a.staff[y]! / a.managers[y]!)[0]!;
    busiest.managers[y]!++;
  }
}

/** A whole numerator n with round(100 n / d) equal to the target at the precision. */
function wholeNumeratorFor(target: number, decimals: number, d: number, mustExist = true): number {
  const guess = Math.round((target * d) / 100);
  for (const n of [guess, guess - 1, guess + 1]) {
    if (n >= 0 && roundTo((100 * n) / d, decimals) === target) return n;
  }
  if (mustExist) throw new Error(`No whole numerator gives ${target} over ${d}`);
  return -1;
}

/**
 * Persons who left over an average headcount: the leavers are whole, the average is not, so it
 * is set (in hundredths) to make the rate round exactly to the target.
 */
function calibrateAverage(target: number, decimals: number, heads: readonly number[]) {
  const total = heads.reduce((a, b) => a + b, 0);
  const numerator = Math.max(1, Math.round((target * total) / 100));
  let denominator = Math.round((numerator * 100 * 100) / target) / 100;
  for (let step = 0; roundTo((100 * numerator) / denominator, decimals) !== target; step++) {
    if (step > 1000) throw new Error(`Cannot calibrate ${target}`);
    denominator = Math.round(denominator * 100 + (step % 2 ? -step : step)) / 100;
  }
  return { numerator, denominator };
}
