import { useTranslation } from 'react-i18next';

/**
 * "Vilka data behöver du?" on the signed-in summary, as a link: the committee's summary stays
 * read-only (no fields at all), and the question is asked on "Mina frågor" (a page load: the
 * summary has no router).
 */
export function SummaryDataNeed({ metricKey, metricName, unitId }: { metricKey: string; metricName: string; unitId: string }) {
  const { t } = useTranslation();
  const params = new URLSearchParams({ ask: metricKey, unit: unitId });
  return (
    <p className="summary-ask">
      <a href={`/data-needs/mine?${params.toString()}#ask`}>
        {t('metric.promptHeading')} <span className="visually-hidden">({metricName})</span>
      </a>
    </p>
  );
}
