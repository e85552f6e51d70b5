import { createBrowserRouter } from 'react-router';
import { MetricPage } from '../features/metric/MetricPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

/** Every page takes `?unit=ID`; without it the root of the organisation is shown. */
export function createRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <Layout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <OverviewPage /> },
        { path: 'metrics/:key', element: <MetricPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
