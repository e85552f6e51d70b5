/**
 * Subtotal rows ("Summarader"): an HR export's row for a unit that has units below it (an area,
 * the department) is almost always the sum of the rows below, not a figure of its own. Storing it
 * would count those persons twice. By default such a row is checked against the file's own rows
 * below it and not stored; storing it as the unit's own figure (staff employed at the department
 * itself) is an explicit choice. Pure.
 */
import { z } from 'zod/mini';

/** What to do with a row for a unit that has units below it. */
export const parentRowsSchema = z.enum(['check', 'own']);
export type ParentRows = z.infer<typeof parentRowsSchema>;

export const totalStatusSchema = z.enum(['consistent', 'differs', 'nothing_below']);
export type TotalStatus = z.infer<typeof totalStatusSchema>;

/** Figures in hundredths, as they are stored. */
export interface PairC {
  numeratorC: number;
  denominatorC: number;
}

/** The decimals a figure was written with (0–2): the precision a sum is compared at. */
export function decimalsOfHundredths(c: number): 0 | 1 | 2 {
  if (c % 100 === 0) return 0;
  if (c % 10 === 0) return 1;
  return 2;
}

const roundTo = (c: number, decimals: 0 | 1 | 2) => {
  const step = 10 ** (2 - decimals);
  return Math.round(c / step) * step;
};

/**
 * Whether a total row equals the sum of the rows below it, each of numerator and denominator
 * compared at the precision the total is written with (`1 235` against 1 234,6 is equal).
 */
export function compareTotal(total: PairC, below: PairC | null): TotalStatus {
  if (below === null) return 'nothing_below';
  const same = (t: number, b: number) => roundTo(b, decimalsOfHundredths(t)) === t;
  return same(total.numeratorC, below.numeratorC) && same(total.denominatorC, below.denominatorC) ? 'consistent' : 'differs';
}

/** Hundredths as a clerk sees the number in Swedish Excel: `123450` → `1234,5`. */
export function swedishHundredths(c: number): string {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  const whole = Math.floor(a / 100);
  const cents = a % 100;
  if (cents === 0) return `${sign}${whole}`;
  return `${sign}${whole},${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

const pair = (p: PairC) => `${swedishHundredths(p.numeratorC)} / ${swedishHundredths(p.denominatorC)}`;

/** What the preview says about one total row, in Swedish: what was found and what will happen. */
export function totalMessage(input: {
  status: TotalStatus;
  mode: ParentRows;
  total: PairC;
  below: PairC | null;
  rowsBelow: number;
  /** A row that names no unit ("Totalt"): never stored. */
  isBare: boolean;
}): string {
  const { status, mode, total, below, rowsBelow, isBare } = input;
  const found =
    status === 'consistent'
      ? `Stämmer med summan av filens ${rowsBelow} ${rowsBelow === 1 ? 'rad' : 'rader'} under (${pair(below!)}).`
      : status === 'differs'
        ? `Skiljer sig från summan av filens ${rowsBelow} ${rowsBelow === 1 ? 'rad' : 'rader'} under: raden har ${pair(total)}, raderna under ${pair(below!)}.`
        : 'Filen har inga rader för enheterna under.';
  if (isBare) return `${found} Raden namnger ingen enhet och sparas inte.`;
  if (mode === 'own') {
    return status === 'consistent'
      ? `${found} Sparas som enhetens egen siffra, som du valt – men den är lika med summan under och räknas då två gånger i enhetens värde. Välj "Kontrollera summarader" om raden är en summa.`
      : `${found} Sparas som enhetens egen siffra (personal direkt på enheten), utöver enheterna under, som du valt.`;
  }
  if (status === 'consistent') return `${found} Sparas inte: enhetens värde räknas fram ur raderna under.`;
  const own =
    'Är raden enhetens egen siffra (personal anställd direkt på enheten) och inte en summa, välj "Spara som egen siffra" och förhandsgranska igen.';
  if (status === 'differs') return `${found} Raden sparas inte. Kontrollera filen. ${own}`;
  return `${found} Raden sparas inte, eftersom den troligen är en summa. ${own}`;
}
