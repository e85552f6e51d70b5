import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Footer } from '../app/Footer';
import { QueryState } from '../components/ui/QueryState';
import { meQueries } from '../features/auth/queries';
import { SignInRedirect, signInHref } from '../features/auth/SignInRedirect';
import { PublicSummaryPage } from '../features/summary/PublicSummaryPage';
import { SummaryPage } from '../features/summary/SummaryPage';
import { SummaryHeader } from './SummaryHeader';

/**
 * The first page a politician opens, or anyone through a public link, as its own entry of the
 * web build (summary.html; the server answers `/summary` and `/p/:token` with it): the summary
 * pages without the app's router, zod or other pages, so that it loads light (sizes:
 * docs/benchmarks.md). Links out of it (the menu, the question about data) load the app.
 */
export function SummaryEntry() {
  return window.location.pathname.startsWith('/p/') ? <PublicSummaryPage /> : <SignedInSummary />;
}

/** `/summary`: for anyone signed in, in the app's frame (a menu for the role, no unit tree). */
function SignedInSummary() {
  const { t } = useTranslation();
  const me = useQuery(meQueries.me());
  return (
    <QueryState query={me}>
      {(user) =>
        user === null ? (
          <SignInRedirect to={signInHref(`${window.location.pathname}${window.location.search}`)} />
        ) : (
          <>
            <a href="#main" className="skip-link">
              {t('app.skipLink')}
            </a>
            <SummaryHeader me={user} />
            <div className="shell shell--single">
              <main id="main" className="shell__main" tabIndex={-1}>
                <SummaryPage />
              </main>
            </div>
            <Footer />
          </>
        )
      }
    </QueryState>
  );
}
