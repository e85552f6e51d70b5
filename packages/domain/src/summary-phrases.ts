import type { Language, Metric } from './schemas.js';

/**
 * How a metric is spoken of in a sentence. Swedish needs the definite form
 * ("Sjukfrånvaron bland chefer har minskat") and a pronoun of the right gender for the next
 * sentence; a metric name is written for a heading ("Sjukfrånvaro bland chefer").
 */
export interface MetricPhrase {
  /** The subject that starts a sentence. */
  subject: string;
  /** Refers back to the subject: Swedish `den`/`det`, English `it`. */
  pronoun: string;
  /** Follows a ratio's number in running text (`19,8 medarbetare`); percentages carry `%`. */
  unitWord: string | null;
}

type PhraseTable = Record<string, Record<Language, MetricPhrase>>;

/** The catalogue's own metrics. A metric the development manager adds falls back to its name. */
const PHRASES: PhraseTable = {
  staff_per_manager: {
    sv: { subject: 'Antalet medarbetare per enhetschef', pronoun: 'det', unitWord: 'medarbetare' },
    en: { subject: 'The number of staff per manager', pronoun: 'it', unitWord: 'staff' },
  },
  manager_turnover_external: {
    sv: { subject: 'Den externa chefsomsättningen', pronoun: 'den', unitWord: null },
    en: { subject: 'External manager turnover', pronoun: 'it', unitWord: null },
  },
  manager_tenure_3y: {
    sv: { subject: 'Andelen chefer som lett samma enhet i minst tre år', pronoun: 'den', unitWord: null },
    en: { subject: 'The share of managers who have led the same unit for three years or more', pronoun: 'it', unitWord: null },
  },
  staff_turnover: {
    sv: { subject: 'Personalomsättningen', pronoun: 'den', unitWord: null },
    en: { subject: 'Staff turnover', pronoun: 'it', unitWord: null },
  },
  manager_sick_leave: {
    sv: { subject: 'Sjukfrånvaron bland chefer', pronoun: 'den', unitWord: null },
    en: { subject: 'Sick leave among managers', pronoun: 'it', unitWord: null },
  },
  manager_mobility_internal: {
    sv: { subject: 'Den interna chefsrörligheten', pronoun: 'den', unitWord: null },
    en: { subject: 'Internal manager mobility', pronoun: 'it', unitWord: null },
  },
};

export function metricPhrase(metric: Pick<Metric, 'key' | 'name' | 'unitLabel'>, language: Language): MetricPhrase {
  const known = PHRASES[metric.key]?.[language];
  if (known) return known;
  // Without a known gender, Swedish says "värdet" (the value), which is always right.
  return {
    subject: metric.name[language],
    pronoun: language === 'sv' ? 'värdet' : 'it',
    unitWord: metric.unitLabel?.[language] ?? null,
  };
}

/** `2019`, `2019 och 2023`, `2019, 2021 och 2023`. */
function listYears(years: readonly number[], and: string): string {
  if (years.length <= 1) return years.join('');
  return `${years.slice(0, -1).join(', ')} ${and} ${years.at(-1)}`;
}

/** The fixed words of the summary's sentences, per language. */
export const WORDS = {
  sv: {
    rose: 'ökat',
    fell: 'minskat',
    trend: (s: string, verb: string, from: string, fromYear: number, to: string, toYear: number) =>
      `${s} har ${verb} från ${from} ${fromYear} till ${to} ${toYear}.`,
    steady: (s: string, value: string, fromYear: number, toYear: number) => `${s} var ${value} både ${fromYear} och ${toYear}.`,
    single: (s: string, value: string, year: number) => `${s} var ${value} år ${year}.`,
    change: (year: number, pronoun: string, verb: string, amount: string) => `Sedan ${year} har ${pronoun} ${verb} med ${amount}`,
    unchanged: (year: number) => `Jämfört med ${year} är värdet oförändrat.`,
    better: 'en förbättring',
    worse: 'en försämring',
    previousHidden: (year: number) => `Värdet för ${year} visas inte, så förändringen sedan dess kan inte anges.`,
    hidden: (year: number, because: string) => `Värdet för ${year} visas inte${because ? ` eftersom ${because}` : ''}.`,
    because: {
      small_group: 'gruppen är för liten',
      secondary: 'ett annat dolt värde annars skulle kunna räknas fram',
      unknown_group_size: 'gruppens storlek inte är känd',
    },
    targetMax: (v: string) => `högst ${v}`,
    targetMin: (v: string) => `minst ${v}`,
    targetRange: (min: string, max: string) => `mellan ${min} och ${max}`,
    target: (t: string, year: number) => `Målet för ${year} är ${t}`,
    met: ', och det nås.',
    notMet: ', och det nås inte.',
    noData: 'Det finns inga värden att visa för det här nyckeltalet.',
    definitionChanged: (years: readonly number[]) =>
      `Definitionen ändrades ${listYears(years, 'och')}, så åren före och efter är inte helt jämförbara.`,
    incomplete: (year: number, reported: string, expected: string) =>
      `Siffrorna för ${year} är inte kompletta än: ${reported} av ${expected} enheter har rapporterat, så året räknas inte med här.`,
  },
  en: {
    rose: 'risen',
    fell: 'fallen',
    trend: (s: string, verb: string, from: string, fromYear: number, to: string, toYear: number) =>
      `${s} has ${verb} from ${from} in ${fromYear} to ${to} in ${toYear}.`,
    steady: (s: string, value: string, fromYear: number, toYear: number) => `${s} was ${value} in both ${fromYear} and ${toYear}.`,
    single: (s: string, value: string, year: number) => `${s} was ${value} in ${year}.`,
    change: (year: number, pronoun: string, verb: string, amount: string) =>
      `Since ${year}, ${pronoun} has ${verb} by ${amount}`,
    unchanged: (year: number) => `The value is unchanged since ${year}.`,
    better: 'an improvement',
    worse: 'a change for the worse',
    previousHidden: (year: number) => `The figure for ${year} is not shown, so the change since then cannot be given.`,
    hidden: (year: number, because: string) => `The figure for ${year} is not shown${because ? ` because ${because}` : ''}.`,
    because: {
      small_group: 'the group is too small',
      secondary: 'another hidden figure could otherwise be worked out',
      unknown_group_size: 'the size of the group is not known',
    },
    targetMax: (v: string) => `at most ${v}`,
    targetMin: (v: string) => `at least ${v}`,
    targetRange: (min: string, max: string) => `between ${min} and ${max}`,
    target: (t: string, year: number) => `The target for ${year} is ${t}`,
    met: ', and it is met.',
    notMet: ', and it is not met.',
    noData: 'There are no figures to show for this metric.',
    definitionChanged: (years: readonly number[]) =>
      `The definition changed in ${listYears(years, 'and')}, so the years before and after are not fully comparable.`,
    incomplete: (year: number, reported: string, expected: string) =>
      `The figures for ${year} are not complete yet: ${reported} of ${expected} units have reported, so the year is not counted here.`,
  },
} as const;
