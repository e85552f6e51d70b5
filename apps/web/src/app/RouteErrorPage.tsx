import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ErrorMessage } from '../components/ui/ErrorMessage';

/** Shown when a page throws while rendering: a last resort with its own landmark. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <main id="main" className="shell__main shell__main--alone">
      <ErrorMessage error={error} title={t('routeError.title')} headingLevel={1}>
        <p>{t('routeError.body')}</p>
        <p>
          {/* A full load, since the router may be what failed. */}
          <a href="/">{t('notFound.home')}</a>
        </p>
      </ErrorMessage>
    </main>
  );
}
