import type { Action } from '@tillit/domain';
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

/** A page only the roles that may do `action` open (`can`; the server refuses the others' requests too). */
function only(action: Action, page: ReactNode) {
  return <RequireAuth action={action}>{() => page}</RequireAuth>;
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
        { index: true, element: only('readFigures', <OverviewPage />) },
        {
          path: 'metrics/:key',
          element: only('readFigures', <MetricPage />),
          // The page's data asked for at once, in parallel (features/metric/prefetch.ts); nothing awaited.
          loader: ({ params, request }) => {
            prefetchMetricPage(params.key ?? '', new URL(request.url).searchParams.get('unit'));
            return null;
          },
        },
        { path: 'review', element: only('administer', <ReviewPage />) },
        { path: 'summary', element: <SummaryPage /> },
        { path: 'principles', element: <PrinciplesPage /> },
        { path: 'catalogue', element: only('administer', <CataloguePage />) },
        { path: 'data-needs', element: only('administer', <InboxPage />) },
        { path: 'data-needs/mine', element: <MyDataNeedsPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'admin', element: only('administer', <AdministrationPage />) },
        { path: 'admin/public-links', element: only('administer', <PublicLinksPage />) },
        { path: 'admin/users', element: only('administer', <UsersPage />) },
        { path: 'admin/audit', element: only('administer', <AuditPage />) },
        { path: 'admin/import', element: only('administer', <ImportPage />) },
        { path: 'admin/organisation', element: only('administer', <OrganisationPage />) },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

