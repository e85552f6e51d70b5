import { formatDate, type ReviewMetric } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../i18n/useLanguage';
import { formatYears } from '../summary/summary-model';
import { hrefForUnit } from '../units/unit-tree';
import { AnalysisEditor } from './AnalysisEditor';
import type { ReviewRowModel } from './review-model';
import { ReviewChange, ReviewTarget, ReviewValue } from './ReviewTable';

interface ReviewMetricSectionProps {
  row: ReviewMetric;
  model: ReviewRowModel;
  year: number;
  unit: { id: string; name: string };
}

/** The notes of the year on the metric, each leading to its thread on the metric page of its unit. */
function ReviewNotes({ row, year }: { row: ReviewMetric; year: number }) {
  const { t } = useTranslation();
  return (
    <div className="review-list">
      <h3>{t('review.notesHeading', { year })}</h3>
      {row.notes.length === 0 ? (
        <p className="muted">{t('review.noNotes', { year })}</p>
      ) : (
        <ul>
          {row.notes.map((n) => (
            <li key={n.id}>
              <p className="review-list__meta">
                {t('review.noteMeta', { unit: n.unitName, years: formatYears(n.yearFrom, n.yearTo), author: n.author.displayName })} ·{' '}
                <span className={`tag ${n.visibility === 'public' ? 'tag--public' : 'tag--muted'}`}>{t(`review.visibility.${n.visibility}`)}</span>
                {n.replyCount > 0 && <> · {t('review.replies', { count: n.replyCount })}</>}
              </p>
              <p className="review-list__text">{n.text}</p>
              <Link to={`${hrefForUnit(`/metrics/${row.metricKey}`, n.unitId)}#annotations`}>{t('review.readNote', { unit: n.unitName })}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The open "Vilka data behöver du?" questions on the metric, each answered in the inbox. */
function ReviewQuestions({ row }: { row: ReviewMetric }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const inbox = (unitId: string | null) => {
    const search = new URLSearchParams({ metric: row.metricKey });
    if (unitId !== null) search.set('unit', unitId);
    return `/data-needs?${search.toString()}`;
  };
  return (
    <div className="review-list">
      <h3>{t('review.questionsHeading')}</h3>
      {row.openDataNeeds.length === 0 ? (
        <p className="muted">{t('review.noQuestions')}</p>
      ) : (
        <ul>
          {row.openDataNeeds.map((q) => (
            <li key={q.id}>
              <p className="review-list__meta">
                {t('review.questionMeta', {
                  unit: q.unitName ?? t('review.wholeOrganisation'),
                  author: q.author.displayName,
                  date: formatDate(q.createdAt, language),
                })}{' '}
                · <span className="tag tag--muted">{t(`dataNeeds.status.${q.status}`)}</span>
              </p>
              <p className="review-list__text">{q.text}</p>
              <Link to={inbox(q.unitId)}>{t('review.answerIn')}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One metric of the review: its figures, the units below, the notes, the questions and the analysis. */
export function ReviewMetricSection({ row, model, year, unit }: ReviewMetricSectionProps) {
  const { t } = useTranslation();
  const headingId = `${model.anchor}-heading`;
  return (
    <section className="section review-metric" id={model.anchor} aria-labelledby={headingId} tabIndex={-1}>
      <h2 id={headingId}>{model.name}</h2>
      <dl className="review-facts">
        <div>
          <dt>{t('review.valueIn', { year })}</dt>
          <dd>
            <ReviewValue cell={model.value} isNoteShown />
          </dd>
        </div>
        <div>
          <dt>{t('review.valueIn', { year: year - 1 })}</dt>
          <dd>
            <ReviewValue cell={model.previous} isNoteShown />
          </dd>
        </div>
        <div>
          <dt>{t('review.col.change')}</dt>
          <dd>
            <ReviewChange row={model} />
          </dd>
        </div>
        <div>
          <dt>{t('review.col.target')}</dt>
          <dd>
            <ReviewTarget row={model} />
          </dd>
        </div>
        <div className="review-facts__wide">
          <dt>{t('review.col.units')}</dt>
          <dd>{model.units}</dd>
        </div>
      </dl>
      <p className="review-metric__links">
        <Link to={hrefForUnit(`/metrics/${row.metricKey}`, unit.id)}>{t('review.openMetric')}</Link>
        <a href="#review-table">{t('review.toTable')}</a>
      </p>
      <div className="review-metric__context">
        <ReviewNotes row={row} year={year} />
        <ReviewQuestions row={row} />
      </div>
      <AnalysisEditor
        key={`${unit.id}:${row.metricKey}:${year}`}
        unit={unit}
        metric={{ key: row.metricKey, name: model.name }}
        year={year}
        analysis={row.analysis}
        headingLevel={3}
      />
    </section>
  );
}
