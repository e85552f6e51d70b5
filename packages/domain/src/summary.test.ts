import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from './catalogue.js';
import { formatMetricValue } from './format.js';
import type { Language, Metric } from './schemas.js';
import {
  describeTargetText,
  sentenceAmount,
  sentenceValue,
  summarizePoints,
  summarySentences,
  type SummaryInputPoint,
} from './summary.js';

const metric = (key: string): Metric => DEFAULT_METRICS.find((m) => m.key === key)!;
const sickLeave = metric('manager_sick_leave');
const mobility = metric('manager_mobility_internal');
const staffPerManager = metric('staff_per_manager');
const NBSP = '\u00a0';

const shown = (year: number, value: number): SummaryInputPoint => ({ year, value, suppressed: false, reason: null });
const hidden = (year: number, reason: SummaryInputPoint['reason'] = 'small_group'): SummaryInputPoint => ({
  year,
  value: null,
  suppressed: true,
  reason,
});
const missing = (year: number): SummaryInputPoint => ({ year, value: null, suppressed: false, reason: null });
const texts = (m: Metric, points: SummaryInputPoint[], language: Language) => summarySentences(m, points, language).map((s) => s.text);

describe('summarySentences', () => {
  const department = [shown(2019, 3.42), shown(2020, 3.61), shown(2023, 2.39), shown(2024, 2.11)];

  it('tells the trend in natural Swedish and English', () => {
    expect(texts(sickLeave, department, 'sv')).toEqual([
      `Sjukfrånvaron bland chefer har minskat från 3,42${NBSP}% 2019 till 2,11${NBSP}% 2024.`,
      'Sedan 2023 har den minskat med 0,28 procentenheter, en förbättring.',
      `Målet för 2024 är högst 2,50${NBSP}%, och det nås.`,
    ]);
    expect(texts(sickLeave, department, 'en')).toEqual([
      'Sick leave among managers has fallen from 3.42% in 2019 to 2.11% in 2024.',
      'Since 2023, it has fallen by 0.28 percentage points, an improvement.',
      'The target for 2024 is at most 2.50%, and it is met.',
    ]);
  });

  it('says when the target is not met, and when the change is for the worse', () => {
    expect(texts(sickLeave, [shown(2019, 3.42), shown(2020, 3.61)], 'sv')).toEqual([
      `Sjukfrånvaron bland chefer har ökat från 3,42${NBSP}% 2019 till 3,61${NBSP}% 2020.`,
      'Sedan 2019 har den ökat med 0,19 procentenheter, en försämring.',
      `Målet för 2020 är högst 2,50${NBSP}%, och det nås inte.`,
    ]);
  });

  it('says that a steady value stayed the same, comparing the values as shown', () => {
    expect(texts(sickLeave, [shown(2023, 2.111), shown(2024, 2.109)], 'sv')).toEqual([
      `Sjukfrånvaron bland chefer var 2,11${NBSP}% både 2023 och 2024.`,
      'Jämfört med 2023 är värdet oförändrat.',
      `Målet för 2024 är högst 2,50${NBSP}%, och det nås.`,
    ]);
    expect(texts(sickLeave, [shown(2023, 2.11), shown(2024, 2.11)], 'en')[1]).toBe('The value is unchanged since 2023.');
  });

  it('does not judge a neutral metric', () => {
    const sentences = texts(mobility, [shown(2019, 3.6), shown(2024, 4.3), shown(2025, 4.0)], 'sv');
    expect(sentences).toEqual([
      `Den interna chefsrörligheten har ökat från 3,6${NBSP}% 2019 till 4,0${NBSP}% 2025.`,
      'Sedan 2024 har den minskat med 0,3 procentenheter.',
    ]);
    expect(sentences.join(' ')).not.toMatch(/förbättring|försämring|[Mm]ålet/);
    expect(texts(mobility, [shown(2024, 4.3), shown(2025, 4.6)], 'en')[1]).toBe('Since 2024, it has risen by 0.3 percentage points.');
  });

  it('says one percentage point in the singular', () => {
    const tenure = metric('manager_tenure_3y');
    expect(texts(tenure, [shown(2023, 49), shown(2024, 50)], 'sv')[1]).toBe('Sedan 2023 har den ökat med 1 procentenhet, en förbättring.');
    expect(texts(tenure, [shown(2023, 49), shown(2024, 50)], 'en')[1]).toBe('Since 2023, it has risen by 1 percentage point, an improvement.');
  });

  it('speaks of a ratio with its unit', () => {
    expect(texts(staffPerManager, [shown(2019, 22.44), shown(2024, 19.8)], 'sv')).toEqual([
      'Antalet medarbetare per enhetschef har minskat från 22,4 medarbetare 2019 till 19,8 medarbetare 2024.',
      'Sedan 2019 har det minskat med 2,6 medarbetare, en förbättring.',
      'Målet för 2024 är högst 25,0 medarbetare per chef, och det nås.',
    ]);
  });

  it('says why the latest figure is hidden and gives no number for it', () => {
    expect(texts(sickLeave, [shown(2023, 2.39), hidden(2024)], 'sv')).toEqual([
      `Sjukfrånvaron bland chefer var 2,39${NBSP}% år 2023.`,
      'Värdet för 2024 visas inte eftersom gruppen är för liten.',
      `Målet för 2024 är högst 2,50${NBSP}%.`,
    ]);
    expect(texts(sickLeave, [hidden(2024, 'secondary')], 'en')).toEqual([
      'The figure for 2024 is not shown because another hidden figure could otherwise be worked out.',
      'The target for 2024 is at most 2.50%.',
    ]);
  });

  it('says when the year before is hidden, so no change can be given', () => {
    expect(texts(sickLeave, [shown(2019, 3.42), hidden(2023), shown(2024, 2.11)], 'sv')[1]).toBe(
      'Värdet för 2023 visas inte, så förändringen sedan dess kan inte anges.',
    );
  });

  it('says so when there is no data', () => {
    expect(texts(sickLeave, [missing(2019), missing(2020)], 'sv')).toEqual(['Det finns inga värden att visa för det här nyckeltalet.']);
    expect(texts(sickLeave, [], 'en')).toEqual(['There are no figures to show for this metric.']);
  });

  it('falls back to the name for a metric it has no phrase for', () => {
    const custom: Metric = { ...sickLeave, key: 'overtime', name: { sv: 'Övertid', en: 'Overtime' }, target: null };
    expect(texts(custom, [shown(2023, 5), shown(2024, 6)], 'sv')).toEqual([
      `Övertid har ökat från 5,00${NBSP}% 2023 till 6,00${NBSP}% 2024.`,
      'Sedan 2023 har värdet ökat med 1,00 procentenheter, en försämring.',
    ]);
  });
});

describe('incomplete years', () => {
  const partial = (year: number, value: number, reported: number, expected: number): SummaryInputPoint => ({
    ...shown(year, value),
    coverage: { reported, expected, isFinal: false },
  });
  const whole = (year: number, value: number): SummaryInputPoint => ({ ...shown(year, value), coverage: { reported: 8, expected: 8, isFinal: false } });
  const turnover = metric('staff_turnover');

  it('never makes a year only some units have reported the latest figure, the change or the verdict', () => {
    const points = [whole(2024, 4.1), whole(2025, 4.3), partial(2026, 5.0, 2, 8)];
    const facts = summarizePoints(turnover, points);
    expect(facts.latest?.year).toBe(2025);
    expect(facts.previous?.year).toBe(2024);
    expect(facts.changeSinceLastYear).toBe(0.2);
    expect(facts.incomplete).toEqual([{ year: 2026, reported: 2, expected: 8 }]);
    expect(texts(turnover, points, 'sv')).toEqual([
      `Personalomsättningen har ökat från 4,1${NBSP}% 2024 till 4,3${NBSP}% 2025.`,
      'Sedan 2024 har den ökat med 0,2 procentenheter, en försämring.',
      `Målet för 2025 är högst 5,0${NBSP}%, och det nås.`,
      'Siffrorna för 2026 är inte kompletta än: 2 av 8 enheter har rapporterat, så året räknas inte med här.',
    ]);
    expect(texts(turnover, points, 'en').at(-1)).toBe(
      'The figures for 2026 are not complete yet: 2 of 8 units have reported, so the year is not counted here.',
    );
  });

  it('counts a year marked final as whole', () => {
    const points = [whole(2025, 4.3), { ...shown(2026, 5.0), coverage: { reported: 2, expected: 8, isFinal: true } }];
    expect(summarizePoints(turnover, points).latest?.year).toBe(2026);
    expect(summarizePoints(turnover, points).incomplete).toEqual([]);
  });
});

describe('the trend sentence', () => {
  it('names a definition change the span crosses, and not one outside it', () => {
    const points = [shown(2019, 3.87), shown(2025, 1.9)];
    expect(summarySentences(sickLeave, points, 'sv', { definitionChanges: [2025] })[0]!.text).toBe(
      `Sjukfrånvaron bland chefer har minskat från 3,87${NBSP}% 2019 till 1,90${NBSP}% 2025. ` +
        'Definitionen ändrades 2025, så åren före och efter är inte helt jämförbara.',
    );
    expect(summarySentences(sickLeave, points, 'en', { definitionChanges: [2019, 2022] })[0]!.text).toContain(
      'The definition changed in 2022, so the years before and after are not fully comparable.',
    );
    expect(summarySentences(sickLeave, points, 'sv', { definitionChanges: [2019, 2026] })[0]!.text).not.toContain('Definitionen');
  });

  it('says "från 0 %", not "från 0,0 %"', () => {
    const mobility0 = [shown(2019, 0), shown(2025, 4.3)];
    expect(texts(mobility, mobility0, 'sv')[0]).toBe(`Den interna chefsrörligheten har ökat från 0${NBSP}% 2019 till 4,3${NBSP}% 2025.`);
    expect(texts(mobility, mobility0, 'en')[0]).toBe('Internal manager mobility has risen from 0% in 2019 to 4.3% in 2025.');
  });
});

describe('summarizePoints', () => {
  it('finds latest, previous and first, and the changes as shown', () => {
    const facts = summarizePoints(sickLeave, [shown(2019, 3.424), missing(2020), shown(2023, 2.39), shown(2024, 2.114)]);
    expect(facts.latest?.year).toBe(2024);
    expect(facts.previous?.year).toBe(2023);
    expect(facts.first?.year).toBe(2019);
    expect(facts.changeSinceLastYear).toBe(-0.28);
    expect(facts.changeSinceFirst).toBe(-1.31);
    expect(facts.direction).toBe('improving');
    expect(facts.isTargetMet).toBe(true);
  });

  it('drops a value that came with a hidden point', () => {
    const facts = summarizePoints(sickLeave, [shown(2023, 2.39), { year: 2024, value: 9.99, suppressed: true, reason: 'small_group' }]);
    expect(facts.latest).toEqual({ year: 2024, value: null, suppressed: true, reason: 'small_group' });
    expect(facts.changeSinceLastYear).toBeNull();
    expect(facts.changeSinceFirst).toBeNull();
    expect(facts.isTargetMet).toBeNull();
    expect(facts.direction).toBe('no_data');
    expect(facts.lastShown?.year).toBe(2023);
  });
});

describe('summary properties', () => {
  const metrics = fc.constantFrom(...DEFAULT_METRICS);
  const language = fc.constantFrom<Language>('sv', 'en');
  /** A secret value a hidden point carries by mistake: distinctive enough to spot in text. */
  const SECRET = 987.654;
  const pointArb = (year: number) =>
    fc.oneof(
      fc.double({ min: 0, max: 60, noNaN: true, noDefaultInfinity: true }).map((v) => shown(year, v)),
      fc.constantFrom<SummaryInputPoint['reason']>('small_group', 'secondary', 'unknown_group_size').map(
        (reason): SummaryInputPoint => ({ year, value: SECRET, suppressed: true, reason }),
      ),
      fc.constant(missing(year)),
    );
  const seriesArb = fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => pointArb(2017 + i))));

  it('every sentence contains the formatted numbers it speaks of', () => {
    fc.assert(
      fc.property(metrics, seriesArb, language, (m, points, lang) => {
        const facts = summarizePoints(m, points);
        for (const s of summarySentences(m, points, lang)) {
          if (s.kind === 'trend') {
            expect(facts.lastShown).not.toBeNull();
            expect(s.text).toContain(sentenceValue(m, facts.lastShown!.value!, lang));
            expect(s.text).toContain(String(facts.lastShown!.year));
            if (facts.first && facts.first.year < facts.lastShown!.year) {
              expect(s.text).toContain(sentenceValue(m, facts.first.value!, lang));
              expect(s.text).toContain(String(facts.first.year));
            }
          }
          if (s.kind === 'change' && facts.changeSinceLastYear !== null && facts.changeSinceLastYear !== 0) {
            expect(s.text).toContain(sentenceAmount(m, facts.changeSinceLastYear, lang));
          }
          if (s.kind === 'target') expect(s.text).toContain(describeTargetText(m, lang)!);
          if (s.kind === 'hidden') expect(s.text).toContain(String(facts.latest!.year));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never yields a number from a hidden point: only years and shown values appear', () => {
    fc.assert(
      fc.property(metrics, seriesArb, language, (m, points, lang) => {
        const text = summarySentences(m, points, lang)
          .map((s) => s.text)
          .join(' ');
        const facts = summarizePoints(m, points);
        expect(text).not.toContain(formatMetricValue(m, SECRET, lang));
        expect(JSON.stringify(facts)).not.toContain(String(SECRET));
        // Every number in the text is a year of the series, a shown value, a change between
        // shown values or the target: strip those and no digit may be left.
        let rest = text;
        const allowed = [
          describeTargetText(m, lang),
          ...points.filter((p) => !p.suppressed && p.value !== null).map((p) => sentenceValue(m, p.value!, lang)),
          ...points.filter((p) => !p.suppressed && p.value !== null).map((p) => formatMetricValue(m, p.value!, lang)),
          facts.changeSinceLastYear === null ? null : sentenceAmount(m, facts.changeSinceLastYear, lang),
          ...points.map((p) => String(p.year)),
        ].filter((a): a is string => a !== null);
        for (const a of allowed.sort((x, y) => y.length - x.length)) rest = rest.split(a).join(' ');
        expect(rest).not.toMatch(/\d/);
      }),
      { numRuns: 500 },
    );
  });

  it('says nothing but why, and the target, when every figure is hidden', () => {
    fc.assert(
      fc.property(metrics, fc.integer({ min: 1, max: 6 }), language, (m, n, lang) => {
        const points = Array.from({ length: n }, (_, i): SummaryInputPoint => ({ year: 2019 + i, value: SECRET, suppressed: true, reason: 'small_group' }));
        const kinds = summarySentences(m, points, lang).map((s) => s.kind);
        expect(kinds).toEqual(m.target ? ['hidden', 'target'] : ['hidden']);
      }),
    );
  });
});
