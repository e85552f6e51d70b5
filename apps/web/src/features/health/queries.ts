import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../api/client';
import { checked, isHealth } from '../../api/guards';

export const healthQueries = {
  all: () => ['health'] as const,
  status: () =>
    queryOptions({
      queryKey: [...healthQueries.all(), 'status'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/health', checked(isHealth, 'the health status'), { signal }),
      // Whether the server runs on demo data does not change while it runs.
      staleTime: Infinity,
    }),
};
