import { useTranslation } from 'react-i18next';

/** Shown, and announced, while a page's code is on its way (pages load on demand, see pages.tsx). */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="query-state query-state--loading query-state--normal" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{t('errors.loading')}</span>
    </div>
  );
}
