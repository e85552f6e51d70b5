import { comparisonResponseSchema } from '@tillit/domain';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../api/client';

export const compareQueries = {
  all: () => ['compare'] as const,
  forUnit: (metricKey: string, unitId: string, year: number | null) =>
    queryOptions({
      queryKey: [...compareQueries.all(), metricKey, unitId, year ?? 'latest'] as const,
      queryFn: ({ signal }) =>
        apiClient.get('/api/compare', comparisonResponseSchema, {
          params: { metric: metricKey, unit: unitId, year: year ?? undefined },
          signal,
        }),
      // Another year of the same metric and unit keeps the comparison (and its year select) on the
      // page while the new year loads: a loading state in its place would take the focus with it.
      placeholderData: (previous, previousQuery) =>
        previousQuery?.queryKey[1] === metricKey && previousQuery.queryKey[2] === unitId ? previous : undefined,
    }),
};
