import { healthResponseSchema } from '@tillit/domain';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../api/client';

export const healthQueries = {
  all: () => ['health'] as const,
  status: () =>
    queryOptions({
      queryKey: [...healthQueries.all(), 'status'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/health', healthResponseSchema, { signal }),
      // Whether the server runs on demo data does not change while it runs.
      staleTime: Infinity,
    }),
};
