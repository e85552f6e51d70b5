import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/ui/Icon';
import type { ReviewCell, ReviewRowModel } from './review-model';

/**
 * A figure: the value, or "dold"/"saknas" in words, and why. In the table why a figure is hidden
 * is for a screen reader (the section below says it); that a year is incomplete is said to all.
 */
export function ReviewValue({ cell, isNoteShown = cell.status === 'incomplete' }: { cell: ReviewCell; isNoteShown?: boolean }) {
  return (
    <span className={`review-value review-value--${cell.status}`}>
      {cell.status === 'hidden' && <Icon name="hidden" size={14} />}
      {cell.text}
      {cell.note && <span className={isNoteShown ? 'review-value__note' : 'visually-hidden'}> ({cell.note})</span>}
    </span>
  );
}

/** The change with its direction in words (not by colour alone). */
export function ReviewChange({ row }: { row: ReviewRowModel }) {
  const { t } = useTranslation();
  if (row.change === null) return <span className="muted">{t('review.noChange')}</span>;
  return (
    <span className="review-change">
      {row.change.text}{' '}
      <span className={`tag tag--${row.change.direction}`}>
        <Icon name={row.change.movement} size={14} /> {t(`card.direction.${row.change.direction}`)}
      </span>
    </span>
  );
}

/** The target and whether the year meets it. */
export function ReviewTarget({ row }: { row: ReviewRowModel }) {
  const { t } = useTranslation();
  if (row.target === null) return <span className="muted">{t('review.noTarget')}</span>;
  const { isMet } = row.target;
  return (
    <span className="review-target">
      {row.target.text}{' '}
      {isMet === null ? (
        <span className="tag tag--no_data">{t('review.targetUnknown')}</span>
      ) : (
        <span className={`tag ${isMet ? 'tag--improving' : 'tag--worsening'}`}>
          <Icon name={isMet ? 'check' : 'cross'} size={14} /> {t(isMet ? 'review.targetMet' : 'review.targetNotMet')}
        </span>
      )}
    </span>
  );
}

/** Every metric of the year in one table, in review order, each leading to its section below. */
export function ReviewTable({ rows, year, unitName }: { rows: readonly ReviewRowModel[]; year: number; unitName: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table review-table">
        <caption id={captionId}>{t('review.tableCaption', { year, unit: unitName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.col.metric')}</th>
            <th scope="col" className="num">
              {year}
            </th>
            <th scope="col" className="num">
              {year - 1}
            </th>
            <th scope="col">{t('review.col.change')}</th>
            <th scope="col">{t('review.col.target')}</th>
            <th scope="col">{t('review.col.units')}</th>
            <th scope="col">{t('review.col.context')}</th>
            <th scope="col">{t('review.col.analysis')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <a href={`#${row.anchor}`}>{row.name}</a>
              </th>
              <td className="num">
                <ReviewValue cell={row.value} />
              </td>
              <td className="num">
                <ReviewValue cell={row.previous} />
              </td>
              <td>
                <ReviewChange row={row} />
              </td>
              <td>
                <ReviewTarget row={row} />
              </td>
              <td className="review-table__units">{row.unitsShort}</td>
              <td>{row.context ?? <span className="muted">{t('review.units.noneShort')}</span>}</td>
              <td>
                <span className={`tag review-analysis review-analysis--${row.analysis}`}>{t(`review.analysisState.${row.analysis}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
