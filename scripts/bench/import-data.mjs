// The import benchmark's synthetic organisation and rows (synthetic data, labelled so): enough
// units × 6 metrics × 36 years (1990–2025) to reach the row count, in the order an export from
// an HR system has them (unit, metric, year). Deterministic, so that every run imports the same file.
export const METRICS = [
  'staff_per_manager',
  'manager_turnover_external',
  'manager_tenure_3y',
  'staff_turnover',
  'manager_sick_leave',
  'manager_mobility_internal',
];
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2025;
const YEARS = LAST_YEAR - FIRST_YEAR + 1;

export const unitCount = (rows) => Math.ceil(rows / (METRICS.length * YEARS));
export const unitId = (u) => `bench-${String(u).padStart(5, '0')}`;

/** Every row: [unitId, metricKey, year, numeratorHundredths, denominatorHundredths]. */
export function* benchRows(rows) {
  let n = 0;
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let u = 0; ; u++) {
    for (const metric of METRICS) {
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        if (n++ >= rows) return;
        const r = next();
        // Sick leave in hours with decimals; the others whole persons. Shares stay ≤ 100 %.
        if (metric === 'manager_sick_leave') {
          const den = 100_000 + (r % 900_000) * 100 + 25;
          yield [unitId(u), metric, year, Math.floor(den * ((r % 60) / 1000)), den];
        } else if (metric === 'staff_per_manager') {
          yield [unitId(u), metric, year, (10 + (r % 40)) * 100 * (1 + (r % 3)), (1 + (r % 3)) * 100];
        } else {
          const den = (20 + (r % 400)) * 100;
          yield [unitId(u), metric, year, Math.floor((r % 20) * den / 100 / 100) * 100, den];
        }
      }
    }
  }
}

/** Hundredths as Swedish Excel writes them: `1234,5` → `1234,5`, `12` → `12`. */
export function swedish(hundredths) {
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  return cents === 0 ? String(whole) : `${whole},${String(cents).padStart(2, '0')}`;
}
