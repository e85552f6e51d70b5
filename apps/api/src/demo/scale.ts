import type { Unit, ValueRow } from '@tillit/domain';
import type { DemoData } from './generate.js';
import { createRandom } from './random.js';

/**
 * The scale dataset, for benchmarks only (`TILLIT_DATASET=scale`): a synthetic municipality with
 * 8 departments, 80 areas and 2,000 units, every metric for 20 years (2006–2025), about 240,000
 * figures. Nothing in it is real: it carries its own synthetic source and no published figures.
 *
 * Group sizes are like a real organisation's, so suppression does real work: a unit has 8–60
 * staff and one to three managers, so every unit-level figure about managers is hidden, some
 * small units' staff turnover too, and the areas (about 25 units each) are shown.
 */

export const SCALE_SOURCE = 'Syntetiska skaldata för prestandatest (Tillit)';
export const SCALE_ROOT_ID = 'kommun';
const SCALE_FIRST_YEAR = 2006;
const SCALE_YEARS = 20;
const SCALE_DEPARTMENTS = 8;
const SCALE_AREAS_PER_DEPARTMENT = 10;
const SCALE_UNITS_PER_AREA = 25;

const DEPARTMENT_NAMES = [
  'Socialförvaltningen',
  'Äldreförvaltningen',
  'Utbildningsförvaltningen',
  'Förskoleförvaltningen',
  'Kultur- och fritidsförvaltningen',
  'Stadsbyggnadsförvaltningen',
  'Tekniska förvaltningen',
  'Arbetsmarknadsförvaltningen',
];

/** The unit ids a scale dataset's demo unit manager leads: the first two units of the first area. */
export const SCALE_MANAGER_UNIT_IDS = ['f1-o01-e001', 'f1-o01-e002'];

export function generateScaleData(seed = 20060101): DemoData {
  const random = createRandom(seed);
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const years = Array.from({ length: SCALE_YEARS }, (_, i) => SCALE_FIRST_YEAR + i);
  const since = '2005-01-01';

  const units: Unit[] = [
    { id: SCALE_ROOT_ID, name: 'Syntetiska kommunen (skaldata)', kind: 'organisation', parentId: null, validFrom: since, validTo: null },
  ];
  const values: ValueRow[] = [];
  const push = (unitId: string, metricKey: string, year: number, numerator: number, denominator: number, groupSize: number | null) =>
    values.push({ unitId, metricKey, year, numerator, denominator, groupSize });

  let unitNo = 0;
  for (let d = 1; d <= SCALE_DEPARTMENTS; d++) {
    const departmentId = `f${d}`;
    units.push({ id: departmentId, name: DEPARTMENT_NAMES[d - 1]!, kind: 'department', parentId: SCALE_ROOT_ID, validFrom: since, validTo: null });
    for (let a = 1; a <= SCALE_AREAS_PER_DEPARTMENT; a++) {
      const areaId = `${departmentId}-o${String(a).padStart(2, '0')}`;
      units.push({ id: areaId, name: `Område ${d}.${a}`, kind: 'area', parentId: departmentId, validFrom: since, validTo: null });
      for (let e = 1; e <= SCALE_UNITS_PER_AREA; e++) {
        unitNo++;
        const id = `${areaId}-e${String(e).padStart(3, '0')}`;
        units.push({ id, name: `Enhet ${unitNo}`, kind: 'unit', parentId: areaId, validFrom: since, validTo: null });
        let staff = between(8, 60);
        const hoursPerManager = between(1660, 1780);
        for (const year of years) {
          staff = Math.min(70, Math.max(6, staff + between(-3, 3)));
          const managers = Math.max(1, Math.min(3, Math.ceil(staff / between(18, 30))));
          const heads = staff + managers;
          push(id, 'staff_per_manager', year, staff, managers, null);
          // Leavers are whole persons; the average headcount is not (hundredths).
          const average = (n: number) => Math.round(n * (0.9 + 0.2 * random()) * 100) / 100;
          push(id, 'staff_turnover', year, between(0, Math.ceil(heads * 0.15)), average(heads), heads);
          push(id, 'manager_turnover_external', year, random() < 0.08 ? 1 : 0, average(managers), managers);
          push(id, 'manager_mobility_internal', year, random() < 0.06 ? 1 : 0, average(managers), managers);
          push(id, 'manager_tenure_3y', year, between(0, managers), managers, managers);
          const hours = Math.round(managers * hoursPerManager * 100) / 100;
          push(id, 'manager_sick_leave', year, Math.round(hours * 0.06 * random() * 100) / 100, hours, managers);
        }
      }
    }
  }
  return { units, values, published: [] };
}
