import type { MetricResponse, ReviewResponse, UnitTreeNode } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { catalogueQueries } from '../catalogue/queries';
import { SelectedUnit } from '../units/SelectedUnit';
import { UnitPath } from '../units/UnitPath';
import { buildReviewRow } from './review-model';
import { ReviewMetricSection } from './ReviewMetricSection';
import { ReviewTable } from './ReviewTable';
import { reviewQueries } from './queries';

/** `?year=` as a year, or null for the server's default (the latest complete year). */
function yearFromSearch(search: URLSearchParams): number | null {
  const year = Number(search.get('year'));
  return Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null;
}

/** `/review?unit=&year=`: the development manager's yearly review, for the organisation or any unit. */
export function ReviewPage() {
  return <SelectedUnit>{(unit, path) => <ReviewForUnit unit={unit} path={path} />}</SelectedUnit>;
}

function ReviewForUnit({ unit, path }: { unit: UnitTreeNode; path: UnitTreeNode[] }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const year = yearFromSearch(searchParams);
  const review = useQuery(reviewQueries.review(unit.id, year));
  const metrics = useQuery(catalogueQueries.metrics());
  return (
    <QueryState query={review} loadingLabel={t('review.loading')} headingLevel={1}>
      {(data) => (
        <QueryState query={metrics} loadingLabel={t('review.loading')} headingLevel={1}>
          {(catalogue) => <ReviewView data={data} catalogue={catalogue} path={path} />}
        </QueryState>
      )}
    </QueryState>
  );
}

/** The year picker: a choice and a button, so that choosing alone does not reload the page. */
function YearChoice({ data }: { data: ReviewResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams(searchParams);
    next.set('year', String(new FormData(event.currentTarget).get('year')));
    setSearchParams(next);
  };
  return (
    <form className="review-year" onSubmit={submit} key={data.year}>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('review.yearLabel')}</label>
        <select id={`${id}-year`} name="year" defaultValue={data.year}>
          {[...data.years].reverse().map((y) => (
            <option key={y.year} value={y.year}>
              {y.isComplete ? y.year : t('review.yearIncomplete', { year: y.year })}
            </option>
          ))}
          {!data.years.some((y) => y.year === data.year) && <option value={data.year}>{data.year}</option>}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {t('dataNeeds.inbox.apply')}
      </button>
    </form>
  );
}

function ReviewView({ data, catalogue, path }: { data: ReviewResponse; catalogue: readonly MetricResponse[]; path: UnitTreeNode[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const byKey = new Map(catalogue.map((m) => [m.key, m]));
  const rows = data.metrics.flatMap((row) => {
    const metric = byKey.get(row.metricKey);
    return metric ? [{ row, model: buildReviewRow(row, metric, language, t) }] : [];
  });
  const isIncompleteYear = data.years.find((y) => y.year === data.year)?.isComplete === false;
  return (
    <>
      <PageTitle page={t('review.pageTitle', { year: data.year, unit: data.unit.name })} />
      <div className="page-header">
        <UnitPath path={path} />
        <p className="kicker">{t('review.kicker')}</p>
        <h1>{t('review.title', { year: data.year, unit: data.unit.name })}</h1>
        <p className="lead">{t('review.intro')}</p>
        <YearChoice data={data} />
        {isIncompleteYear && <p className="notice review-notice">{t('review.incompleteYear', { year: data.year })}</p>}
      </div>
      <section className="section" aria-labelledby="review-table-heading" id="review-table" tabIndex={-1}>
        <h2 id="review-table-heading">{t('review.tableHeading', { year: data.year })}</h2>
        <ReviewTable rows={rows.map((r) => r.model)} year={data.year} unitName={data.unit.name} />
      </section>
      {rows.map(({ row, model }) => (
        <ReviewMetricSection key={row.metricKey} row={row} model={model} year={data.year} unit={data.unit} />
      ))}
    </>
  );
}
