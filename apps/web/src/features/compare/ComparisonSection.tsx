import { isIncomplete, type AnnotationThread, type ComparisonResponse, type Metric, type Unit } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatMetricValue } from '@tillit/domain';
import { formatWithUnit } from '../../components/charts/chart-format';
import { DataTable, type Column } from '../../components/charts/DataTable';
import { Icon } from '../../components/ui/Icon';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { compareQueries } from './queries';
import { comparisonModel, selectableYears, type BarRow } from './comparison-model';
import { MissedTargetList } from './MissedTargetList';

const ComparisonBarChart = lazy(() =>
  import('../../components/charts/ComparisonBarChart').then((m) => ({ default: m.ComparisonBarChart })),
);

type Row = ComparisonResponse['members'][number];

/**
 * The unit among its peers for a chosen year (in the URL as `?year=`), how many meet the target,
 * and every member year by year in a table.
 */
export function ComparisonSection({
  metric,
  unit,
  annotations = [],
}: {
  metric: Metric;
  unit: Unit;
  /** The unit's notes; those about the chosen year are listed with the comparison. */
  annotations?: readonly AnnotationThread[];
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('year'));
  const year = Number.isInteger(requested) && requested > 1900 ? requested : null;
  const query = useQuery(compareQueries.forUnit(metric.key, unit.id, year));
  return (
    <section className="section" aria-labelledby="compare-heading" aria-busy={query.isPlaceholderData || undefined}>
      <h2 id="compare-heading">{t('compare.heading')}</h2>
      <QueryState query={query} loadingLabel={t('compare.loading')} headingLevel={3}>
        {(data) => (
          <Comparison
            data={data}
            metric={metric}
            chosenYear={year}
            notes={annotations.filter((a) => a.yearFrom <= data.spread.year && data.spread.year <= a.yearTo)}
            onYear={(y) =>
              setParams(
                (p) => {
                  p.set('year', String(y));
                  return p;
                },
                { replace: true, preventScrollReset: true },
              )
            }
          />
        )}
      </QueryState>
    </section>
  );
}

/** The members' noun: areas ("områden") when every member is an area, else units. */
function nounKind(data: ComparisonResponse): 'area' | 'unit' {
  return data.members.length > 0 && data.members.every((m) => m.kind === 'area') ? 'area' : 'unit';
}

function Comparison({
  data,
  metric,
  chosenYear,
  notes,
  onYear,
}: {
  data: ComparisonResponse;
  metric: Metric;
  /** The year in the URL: the select shows it at once, while its figures may still be loading. */
  chosenYear: number | null;
  notes: readonly AnnotationThread[];
  onYear: (y: number) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const model = comparisonModel(data, metric);
  // Plain numbers in the chart and table; the unit is said once, in the caption and legend.
  const fmt = (v: number) => formatMetricValue(metric, v, language);
  const withUnit = (v: number) => formatWithUnit(metric, v, language);
  const focusIsMember = data.members.some((m) => m.isFocus);
  const { spread } = data;
  const { target } = model;
  const targetLines = [
    ...(target?.max != null ? [{ value: target.max, label: t('compare.targetMax', { value: fmt(target.max) }) }] : []),
    ...(target?.min != null ? [{ value: target.min, label: t('compare.targetMin', { value: fmt(target.min) }) }] : []),
  ];
  const verdictText = (v: BarRow['verdict']) => (v === 'none' ? '' : t(`compare.verdict.${v}`));
  const label = t('compare.chartLabel', {
    name: metric.name[language],
    year: model.year,
    list: model.bars.map((b) => [`${b.name} ${withUnit(b.value)}`, verdictText(b.verdict)].filter(Boolean).join(' ')).join(', '),
  });
  const noun = (count: number) => t(`compare.noun.${nounKind(data)}`, { count });
  const judged = spread.shown - spread.incomplete;
  const missed = model.bars.filter((b) => b.verdict === 'missed');
  const columns: Column<Row>[] = [
    {
      key: 'unit',
      header: t('compare.unitColumn'),
      isRowHeader: true,
      render: (r) => (r.isFocus ? <strong>{t('compare.focusName', { name: r.name })}</strong> : r.name),
    },
    ...data.years.map((y) => ({
      key: String(y),
      header: String(y),
      align: 'end' as const,
      render: (r: Row) => {
        const p = r.points.find((x) => x.year === y);
        if (p?.suppressed) return <abbr title={t('compare.hiddenCell')}>..</abbr>;
        if (p?.value == null) return '–';
        if (!isIncomplete(p.coverage)) return fmt(p.value);
        return (
          <>
            {fmt(p.value)}
            <span aria-hidden="true">*</span>
            <span className="visually-hidden"> ({t('coverage.status', { ...p.coverage })})</span>
          </>
        );
      },
    })),
  ];
  const years = selectableYears(data);
  const selected = chosenYear !== null && years.includes(chosenYear) ? chosenYear : model.year;
  return (
    <div className="comparison">
      <div className="form__field form__field--inline">
        <label htmlFor="compare-year">{t('compare.year')}</label>
        <select id="compare-year" value={selected} onChange={(e) => onYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {/* The sentence counts what the chart draws: the bars, by the year's own target. */}
      <p className="comparison__spread" role="status">
        {spread.meetingTarget !== null && target
          ? t('compare.spreadTarget', { meeting: spread.meetingTarget, shown: judged, noun: noun(judged), year: spread.year })
          : t('compare.spreadShown', { shown: spread.shown, members: spread.members, noun: noun(spread.members), year: spread.year })}
        {missed.length > 0 && ` ${t('compare.spreadMisses', { names: missed.map((b) => b.name).join(', ') })}`}
        {spread.incomplete > 0 &&
          ` ${t('compare.spreadIncomplete', { names: model.bars.filter((b) => b.verdict === 'incomplete').map((b) => b.name).join(', ') })}`}
        {model.hidden.length > 0 && ` ${t('compare.hiddenList', { names: model.hidden.map((h) => h.name).join(', ') })}`}
        {model.missing.length > 0 && ` ${t('compare.missingList', { names: model.missing.map((h) => h.name).join(', ') })}`}
      </p>
      {model.referenceIncomplete && (
        <p className="coverage-note">
          <Icon name="info" size={16} />
          <span>{t('coverage.compareNote', { year: model.year, ...model.referenceIncomplete })}</span>
        </p>
      )}
      <p className="muted">
        {focusIsMember
          ? t('compare.introSiblings', { reference: data.reference.name })
          : nounKind(data) === 'area'
            ? t('missedTarget.introAreas', { reference: data.reference.name })
            : t('compare.introChildren', { reference: data.reference.name })}
      </p>
      {model.bars.length > 0 ? (
        <div className="comparison__chart" role="img" aria-label={label} style={{ height: 60 + model.bars.length * 28 }}>
          <Suspense fallback={<div className="trend-chart__loading">{t('compare.loading')}</div>}>
            <ComparisonBarChart
              bars={model.bars.map((b) => ({ ...b, label: b.isFocus ? `▶ ${b.name}` : b.name, verdictText: verdictText(b.verdict) }))}
              formatValue={fmt}
              targetLines={targetLines}
              referenceValue={model.referenceValue}
              axis={model.axis}
            />
          </Suspense>
        </div>
      ) : (
        <p>{t('compare.noneShown', { year: model.year })}</p>
      )}
      {model.bars.length > 0 && (
        <p className="comparison__legend">
          {target && `${t('compare.legendTarget', { year: model.year })} `}
          {model.referenceValue !== null &&
            `${t('compare.legendReference', { reference: data.reference.name, value: withUnit(model.referenceValue) })} `}
          {target && `${t('compare.legendVerdict')} `}
          {focusIsMember ? t('compare.legendFocus') : t('compare.legendFocusReference', { name: data.reference.name })}
        </p>
      )}
      {/* A unit compared with its siblings has the sentence; a unit with units below gets the list. */}
      {!focusIsMember && <MissedTargetList metric={metric} data={data} target={target} />}
      {notes.length > 0 && (
        <div className="comparison__notes">
          <p>{t('compare.notesFor', { year: model.year, count: notes.length })}</p>
          <ul>
            {notes.map((n) => (
              <li key={n.id}>
                {n.text} <span className="muted">– {n.author.displayName}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.members.some((m) => m.points.some((p) => p.value !== null && isIncomplete(p.coverage))) && (
        <p className="muted">{t('coverage.tableMark')}</p>
      )}
      <DataTable
        caption={t('compare.tableCaption', {
          name: metric.name[language],
          reference: data.reference.name,
          unit: metric.scale === 'percent' ? '%' : (metric.unitLabel?.[language] ?? ''),
        })}
        columns={columns}
        rows={data.members}
        rowKey={(r) => r.id}
      />
    </div>
  );
}
