import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/PageTitle';
import { ADMIN_PAGES } from './admin-pages';

/** `/admin`: the administration pages, each with what it is for. */
export function AdministrationPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('adminHub.title')} />
      <div className="page-header">
        <h1>{t('adminHub.title')}</h1>
        <p className="lead">{t('adminHub.intro')}</p>
      </div>
      <ul className="admin-hub">
        {ADMIN_PAGES.map((p) => (
          <li key={p.to} className="admin-hub__item">
            <h2>
              <Link to={p.to}>{t(p.label)}</Link>
            </h2>
            <p>{t(p.description)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
