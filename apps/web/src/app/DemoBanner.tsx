import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/ui/Icon';
import { healthQueries } from '../features/health/queries';

/** Says on every page that unit figures are made up, whenever the server runs on demo data. */
export function DemoBanner() {
  const { t } = useTranslation();
  const { data } = useQuery(healthQueries.status());
  if (!data?.isDemo) return null;
  return (
    <div className="demo-banner" role="note" aria-label={t('app.demoLabel')}>
      <Icon name="info" size={20} className="demo-banner__icon" />
      <p>{t('app.demoBanner')}</p>
    </div>
  );
}
