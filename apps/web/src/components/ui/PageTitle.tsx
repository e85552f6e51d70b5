import { useTranslation } from 'react-i18next';

/** The document title for a page; React 19 moves <title> into <head>. */
export function PageTitle({ page }: { page: string }) {
  const { t } = useTranslation();
  return <title>{t('app.pageTitle', { page })}</title>;
}
