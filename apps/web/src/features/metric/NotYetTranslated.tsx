import type { MetricResponse, TranslatedField } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';

/**
 * "(not yet translated)" after an English text whose Swedish has been changed since: the reader
 * sees the old English text and knows it may no longer say what the Swedish says.
 */
export function NotYetTranslated({ metric, field }: { metric: Pick<MetricResponse, 'englishOutdated'>; field: TranslatedField }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (language !== 'en' || !metric.englishOutdated?.includes(field)) return null;
  return (
    <>
      {' '}
      <span className="not-translated">{t('translations.notYet')}</span>
    </>
  );
}
