import { formatNumber, type ImportChange, type ImportTotal, type Language } from '@tillit/domain';

/** A number with as few decimals as it needs, at most two: `2`, `40,5`, `3,33`. */
export function formatAmount(value: number, language: Language): string {
  const decimals = [0, 1].find((d) => Math.abs(value - Number(value.toFixed(d))) < 1e-9) ?? 2;
  return formatNumber(value, decimals, language);
}

/** A numerator over a denominator, `2 / 40`, or a dash when there was none. */
export function formatPair(pair: ImportChange['old'], language: Language): string {
  if (pair === null) return '–';
  return `${formatAmount(pair.numerator, language)} / ${formatAmount(pair.denominator, language)}`;
}

export interface ChangeRow {
  key: string;
  unitId: string;
  metricKey: string;
  year: number;
  before: string;
  after: string;
}

/**
 * A preview's changes as table rows, their numbers in the language's format. A stored figure
 * that is hidden everywhere else comes without a number: `hidden(reason)` says so ("dold").
 */
export function changeRows(
  changes: readonly ImportChange[],
  language: Language,
  hidden: (reason: NonNullable<ImportChange['oldReason']>) => string,
): ChangeRow[] {
  return changes.map((c) => ({
    key: `${c.unitId}|${c.metricKey}|${c.year}`,
    unitId: c.unitId,
    metricKey: c.metricKey,
    year: c.year,
    before: c.old === null && c.oldReason !== null ? hidden(c.oldReason) : formatPair(c.old, language),
    after: formatPair(c.new, language),
  }));
}

export interface TotalRow {
  key: string;
  row: number;
  unit: string;
  metricKey: string;
  year: number;
  file: string;
  below: string;
  status: ImportTotal['status'];
  isStored: boolean;
  message: string;
}

/** The preview's subtotal rows ("Summarader") as table rows. */
export function totalRows(totals: readonly ImportTotal[], language: Language, noUnit: string): TotalRow[] {
  return totals.map((t) => ({
    key: `${t.row}`,
    row: t.row,
    unit: t.unitName ?? t.unitId ?? noUnit,
    metricKey: t.metricKey,
    year: t.year,
    file: formatPair(t.file, language),
    below: formatPair(t.below, language),
    status: t.status,
    isStored: t.isStored,
    message: t.message,
  }));
}
