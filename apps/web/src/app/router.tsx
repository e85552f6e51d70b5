import type { Role } from '@tillit/domain';
import type { ReactNode } from 'react';
import { createBrowserRouter, useLocation } from 'react-router';
import { RequireAuth } from '../features/auth/RequireAuth';
import { SignInRedirect } from '../features/auth/SignInRedirect';
import { prefetchMetricPage } from '../features/metric/prefetch';
import { Layout } from './Layout';
// Pages load on demand (pages.tsx); add a new page there too.
import {
  AdministrationPage,
  AuditPage,
  CataloguePage,
  ImportPage,
  InboxPage,
  MetricPage,
  MyDataNeedsPage,
  OrganisationPage,
  OverviewPage,
  PrinciplesPage,
  PublicLinksPage,
  PublicSummaryPage,
  SettingsPage,
  ReviewPage,
  SummaryPage,
  UsersPage,
} from './pages';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

const STAFF: readonly Role[] = ['development_manager', 'unit_manager'];
const DEVELOPMENT_MANAGER: readonly Role[] = ['development_manager'];

/** A page only some roles may open (the server refuses the others' requests too). */
function only(roles: readonly Role[], page: ReactNode) {
  return <RequireAuth roles={roles}>{() => page}</RequireAuth>;
}

/** A link to /login inside the app: the sign-in page is its own entry (login.html), loaded in full. */
function SignInRoute() {
  const { search } = useLocation();
  return <SignInRedirect to={`/login${search}`} />;
}

/**
 * Every page takes `?unit=ID`; without it the root of the organisation is shown. Everything
 * under the layout needs a signed-in person.
 */
export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <SignInRoute />, errorElement: <RouteErrorPage /> },
    // A public read-only link: no sign-in, no layout, no way into the rest of the product.
    { path: '/p/:token', element: <PublicSummaryPage />, errorElement: <RouteErrorPage /> },
    {
      path: '/',
      element: <Layout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: only(STAFF, <OverviewPage />) },
        {
          path: 'metrics/:key',
          element: only(STAFF, <MetricPage />),
          // The page's data asked for at once, in parallel (features/metric/prefetch.ts); nothing awaited.
          loader: ({ params, request }) => {
            prefetchMetricPage(params.key ?? '', new URL(request.url).searchParams.get('unit'));
            return null;
          },
        },
        { path: 'review', element: only(DEVELOPMENT_MANAGER, <ReviewPage />) },
        { path: 'summary', element: <SummaryPage /> },
        { path: 'principles', element: <PrinciplesPage /> },
        { path: 'catalogue', element: only(DEVELOPMENT_MANAGER, <CataloguePage />) },
        { path: 'data-needs', element: only(DEVELOPMENT_MANAGER, <InboxPage />) },
        { path: 'data-needs/mine', element: <MyDataNeedsPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'admin', element: only(DEVELOPMENT_MANAGER, <AdministrationPage />) },
        { path: 'admin/public-links', element: only(DEVELOPMENT_MANAGER, <PublicLinksPage />) },
        { path: 'admin/users', element: only(DEVELOPMENT_MANAGER, <UsersPage />) },
        { path: 'admin/audit', element: only(DEVELOPMENT_MANAGER, <AuditPage />) },
        { path: 'admin/import', element: only(DEVELOPMENT_MANAGER, <ImportPage />) },
        { path: 'admin/organisation', element: only(DEVELOPMENT_MANAGER, <OrganisationPage />) },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

