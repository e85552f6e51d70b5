import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { healthQueries } from '../features/health/queries';

export function Footer() {
  const { t } = useTranslation();
  const { data } = useQuery(healthQueries.status());
  return (
    <footer className="site-footer">
      <p>{t('app.footer', { version: data?.version ?? '' })}</p>
    </footer>
  );
}
