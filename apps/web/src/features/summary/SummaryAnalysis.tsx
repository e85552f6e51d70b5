import { formatDate, type PublishedAnalysis } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';

/**
 * The development manager's published analysis of the metric: what the committee reads with the
 * figures (and prints). A draft never reaches the summary, so there is nothing to mark here.
 */
export function SummaryAnalysis({ analysis }: { analysis: PublishedAnalysis | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (analysis === null) return null;
  return (
    <div className="summary-analysis">
      <h3>{t('analysis.summaryHeading', { year: analysis.year })}</h3>
      <p className="summary-analysis__meta">{t('analysis.summaryPublished', { date: formatDate(analysis.publishedAt, language) })}</p>
      <p className="summary-analysis__text">{analysis.text}</p>
    </div>
  );
}
