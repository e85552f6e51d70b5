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
    }),
};
