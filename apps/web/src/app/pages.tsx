import { lazy, Suspense, type ComponentType } from 'react';
import { PageLoading } from './PageLoading';

/**
 * Every page is its own chunk, fetched when first opened, so that the politicians' summary does
 * not carry the dashboard's code (sizes per route: docs/benchmarks.md; the sign-in page is its own
 * entry, src/login/).
 * While a page's chunk loads, an announced loading state stands in its place.
 */
function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Page() {
    return (
      <Suspense fallback={<PageLoading />}>
        <Lazy />
      </Suspense>
    );
  };
}

export const PublicSummaryPage = lazyPage(() => import('../features/summary/PublicSummaryPage').then((m) => m.PublicSummaryPage));
export const OverviewPage = lazyPage(() => import('../features/overview/OverviewPage').then((m) => m.OverviewPage));
// The metric page's chart (recharts, the largest chunk) is fetched alongside the page rather than
// after its data has come, so the first chart is drawn one round trip sooner.
export const MetricPage = lazyPage(() => {
  void import('../components/charts/TrendLineChart');
  return import('../features/metric/MetricPage').then((m) => m.MetricPage);
});
export const SummaryPage = lazyPage(() => import('../features/summary/SummaryPage').then((m) => m.SummaryPage));
export const PrinciplesPage = lazyPage(() => import('../features/principles/PrinciplesPage').then((m) => m.PrinciplesPage));
export const CataloguePage = lazyPage(() => import('../features/catalogue/CataloguePage').then((m) => m.CataloguePage));
export const InboxPage = lazyPage(() => import('../features/data-needs/InboxPage').then((m) => m.InboxPage));
export const MyDataNeedsPage = lazyPage(() => import('../features/data-needs/MyDataNeedsPage').then((m) => m.MyDataNeedsPage));
export const PublicLinksPage = lazyPage(() => import('../features/public-links/PublicLinksPage').then((m) => m.PublicLinksPage));
export const UsersPage = lazyPage(() => import('../features/admin/UsersPage').then((m) => m.UsersPage));
export const AuditPage = lazyPage(() => import('../features/admin/AuditPage').then((m) => m.AuditPage));
export const ImportPage = lazyPage(() => import('../features/import/ImportPage').then((m) => m.ImportPage));
export const OrganisationPage = lazyPage(() => import('../features/organisation/OrganisationPage').then((m) => m.OrganisationPage));
export const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage));
export const ReviewPage = lazyPage(() => import('../features/review/ReviewPage').then((m) => m.ReviewPage));
export const AdministrationPage = lazyPage(() => import('../features/admin/AdministrationPage').then((m) => m.AdministrationPage));
