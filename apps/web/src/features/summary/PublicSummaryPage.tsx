import { SimpleHeader } from '../../app/SimpleHeader';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { Footer } from '../../app/Footer';
import { Icon } from '../../components/ui/Icon';
import { summaryQueries } from './queries';
import { SummaryView } from './SummaryView';

/** The token of a public link's address, `/p/:token`. */
export function publicToken(pathname: string): string {
  const match = /^\/p\/([^/]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1] ?? '') : '';
}

/**
 * `/p/:token`: the summary through a public link, for someone without an account. Its own
 * plain frame: no navigation to the rest of the product, no sign-in, nothing to change. Without
 * the router (see SummaryPage).
 */
export function PublicSummaryPage() {
  const { t } = useTranslation();
  const token = publicToken(window.location.pathname);
  const unitId = new URLSearchParams(window.location.search).get('unit');
  const query = useQuery(summaryQueries.public(token, unitId));
  const base = `/p/${encodeURIComponent(token)}`;
  const isGone = query.error instanceof ApiError && query.error.status === 404;

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipLink')}
      </a>
      <SimpleHeader />
      <main id="main" className="shell__main shell__main--alone" tabIndex={-1}>
        {isGone ? (
          <ErrorMessage title={t('summary.linkInvalidTitle')} headingLevel={1}>
            <PageTitle page={t('summary.linkInvalidTitle')} />
            <p>{t('summary.linkInvalidBody')}</p>
          </ErrorMessage>
        ) : (
          <QueryState query={query} loadingLabel={t('summary.loading')} headingLevel={1}>
            {(data) => (
              <>
                <p className="notice notice--info public-note">
                  <Icon name="info" size={18} /> {t('summary.publicNote')}
                </p>
                <SummaryView
                  data={data}
                  hrefFor={(id, isRoot) => (isRoot ? base : `${base}?${new URLSearchParams({ unit: id }).toString()}`)}
                />
              </>
            )}
          </QueryState>
        )}
      </main>
      <Footer />
    </>
  );
}
