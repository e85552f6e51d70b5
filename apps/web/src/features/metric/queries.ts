import { valuesResponseSchema } from '@tillit/domain';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../api/client';

export const valueQueries = {
  all: () => ['values'] as const,
  byMetric: (metricKey: string) => [...valueQueries.all(), metricKey] as const,
  series: (metricKey: string, unitId: string) =>
    queryOptions({
      queryKey: [...valueQueries.byMetric(metricKey), unitId] as const,
      queryFn: ({ signal }) =>
        apiClient.get('/api/values', valuesResponseSchema, { params: { metric: metricKey, unit: unitId }, signal }),
    }),
};
