import {
  metricsResponseSchema,
  metricVersionsResponseSchema,
  principlesOverviewResponseSchema,
  principlesResponseSchema,
} from '@tillit/domain';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../api/client';

export const catalogueQueries = {
  all: () => ['catalogue'] as const,
  metrics: () =>
    queryOptions({
      queryKey: [...catalogueQueries.all(), 'metrics'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/metrics', metricsResponseSchema, { signal }),
      select: (metrics) => [...metrics].sort((a, b) => a.sortOrder - b.sortOrder),
    }),
  principles: () =>
    queryOptions({
      queryKey: [...catalogueQueries.all(), 'principles'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/principles', principlesResponseSchema, { signal }),
      select: (principles) => [...principles].sort((a, b) => a.sortOrder - b.sortOrder),
    }),
  versions: (metricKey: string) =>
    queryOptions({
      queryKey: [...catalogueQueries.all(), 'versions', metricKey] as const,
      queryFn: ({ signal }) =>
        apiClient.get(`/api/metrics/${encodeURIComponent(metricKey)}/versions`, metricVersionsResponseSchema, { signal }),
    }),
  overview: (unitId: string | undefined) =>
    queryOptions({
      queryKey: [...catalogueQueries.all(), 'overview', unitId ?? null] as const,
      queryFn: ({ signal }) =>
        apiClient.get('/api/principles/overview', principlesOverviewResponseSchema, { params: { unit: unitId }, signal }),
    }),
};
