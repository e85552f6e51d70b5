import type { SummaryResponse } from '@tillit/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/ui/PageTitle';
import { useLanguage } from '../../i18n/useLanguage';
import { PrintButton } from './PrintButton';
import { summaryHeaderLines } from './summary-model';
import { SummaryMetric } from './SummaryMetric';
import { UnitChoices } from './UnitChoices';

interface SummaryViewProps {
  data: SummaryResponse;
  /** Where a choice of unit leads: the signed-in page or the public link's. */
  hrefFor: (unitId: string, isRoot: boolean) => string;
  /** Something to add under each metric (the signed-in page's question form); none on a public link. */
  renderExtra?: (metric: SummaryResponse['metrics'][number]) => ReactNode;
}

/**
 * The summary itself, the same for a signed-in reader and a public link: read-only, no edit
 * controls. The lines under the heading (date, freshness, which part) are printed too.
 */
export function SummaryView({ data, hrefFor, renderExtra }: SummaryViewProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lines = summaryHeaderLines(data, language, t);
  return (
    <article className="summary">
      <PageTitle page={t('summary.pageTitle', { unit: data.unit.name })} />
      <header className="summary__head">
        <div className="summary__title">
          <p className="kicker">{t('summary.kicker')}</p>
          <h1>{t('summary.title', { unit: data.unit.name })}</h1>
          <ul className="summary__meta">
            <li>{lines.scope}</li>
            <li>{lines.generated}</li>
            <li>{lines.freshness}</li>
          </ul>
        </div>
        <div className="summary__tools">
          <PrintButton />
        </div>
      </header>
      <UnitChoices data={data} hrefFor={hrefFor} />
      <div className="summary__intro">
        <p className="lead">{t('summary.intro')}</p>
        <p>{t('summary.privacy')}</p>
      </div>
      {data.metrics.map((m) => (
        <SummaryMetric key={m.key} metric={m} unitName={data.unit.name}>
          {renderExtra?.(m)}
        </SummaryMetric>
      ))}
    </article>
  );
}
