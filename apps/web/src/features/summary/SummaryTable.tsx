import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryMetricModel } from './summary-model';

/**
 * The metric's values year by year: one row of years, one of values, so that it stays short
 * enough to print next to the text. Hidden and synthetic values say so in words.
 */
export function SummaryTable({ model, unitName }: { model: SummaryMetricModel; unitName: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  const hidden = model.cells.filter((c) => c.status === 'hidden');
  const hiddenNotes = [...new Set(hidden.map((c) => c.note))];
  const partial = model.cells.filter((c) => c.status === 'incomplete');
  return (
    <div className="summary-table">
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table data-table--years">
          <caption id={captionId}>{t('summary.tableCaption', { name: model.name, unit: unitName })}</caption>
          <thead>
            <tr>
              <th scope="row">{t('summary.tableYear')}</th>
              {model.cells.map((c) => (
                <th key={c.year} scope="col" className="num">
                  {c.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('summary.tableValue')}</th>
              {model.cells.map((c) => (
                <td key={c.year} className={`num summary-table__cell summary-table__cell--${c.status}`}>
                  {c.text}
                  {c.isSynthetic && (
                    <abbr className="summary-table__mark" title={t('summary.syntheticMark')}>
                      *<span className="visually-hidden"> ({t('summary.syntheticMark')})</span>
                    </abbr>
                  )}
                  {c.status === 'hidden' && c.note && <span className="visually-hidden"> ({c.note})</span>}
                  {c.status === 'incomplete' && c.note && <span className="visually-hidden"> ({c.note})</span>}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <div className="summary-table__notes">
        {hiddenNotes.length > 0 && <p>{hiddenNotes.join(' ')}</p>}
        {partial.length > 0 && <p className="summary-table__incomplete">{partial.map((c) => c.note).join(' ')}</p>}
        {model.sources.length > 0 && (
          <p>
            <strong>{t('summary.sourcesLabel')}:</strong>{' '}
            {model.sources
              .map((s) =>
                s.isSynthetic
                  ? `${t('summary.syntheticSource', { years: s.years.join(', ') })} (*)`
                  : t('summary.sourceYears', { years: s.years.join(', '), source: s.source }),
              )
              .join(' · ')}
          </p>
        )}
      </div>
    </div>
  );
}
