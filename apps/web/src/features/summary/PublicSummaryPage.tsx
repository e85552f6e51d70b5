import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { DemoBanner } from '../../app/DemoBanner';
import { Footer } from '../../app/Footer';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { Icon } from '../../components/ui/Icon';
import { summaryQueries } from './queries';
import { SummaryView } from './SummaryView';

/**
 * `/p/:token`: the summary through a public link, for someone without an account. Its own
 * plain frame: no navigation to the rest of the product, no sign-in, nothing to change.
 */
export function PublicSummaryPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [searchParams] = useSearchParams();
  const unitId = searchParams.get('unit');
  const query = useQuery(summaryQueries.public(token, unitId));
  const base = `/p/${encodeURIComponent(token)}`;
  const isGone = query.error instanceof ApiError && query.error.status === 404;

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <span className="brand">
            <svg aria-hidden="true" viewBox="0 0 32 32" width="30" height="30" className="brand__mark">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <path d="M9 10h14M16 10v14" stroke="#fff" strokeWidth="3.5" strokeLinecap="round" />
            </svg>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </span>
          <LanguageSwitch />
        </div>
        <DemoBanner />
      </header>
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
