import { apiClient } from '../../api/client';

/**
 * Asks for the metric page's data as soon as the address is known, all at once: the organisation
 * tree, the catalogue and the figures asked for, instead of one after the other as the page
 * draws (tree, then catalogue, then figures). The requests only (`apiClient.preload`): the
 * page's own queries take the answers, so no module that parses them runs before the first
 * render. The page's code and the chart's are fetched by then too: the server sends the metric
 * route's page with a modulepreload of each (metric.html, apps/web/vite.config.ts). Called by
 * the route's loader, before the sign-in check has answered; a refusal is handled as the page
 * would. Parameters in the order the queries give them, so that their requests match.
 */
export function prefetchMetricPage(metricKey: string, unitId: string | null): void {
  apiClient.preload('/api/units', { include: 'closed' });
  apiClient.preload('/api/metrics');
  // Without ?unit= the page shows the root, known only from the tree: the page asks for it then.
  if (unitId !== null) apiClient.preload('/api/values', { metric: metricKey, unit: unitId });
}
