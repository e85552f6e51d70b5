import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DemoNote } from '../components/ui/DemoNote';
import { healthQueries } from '../features/health/queries';

/** Says on every page that unit figures are made up, whenever the server runs on demo data. */
export function DemoBanner() {
  const { t } = useTranslation();
  const { data } = useQuery(healthQueries.status());
  if (!data?.isDemo) return null;
  return <DemoNote label={t('app.demoLabel')} text={t('app.demoBanner')} />;
}
