import { unitsResponseSchema } from '@tillit/domain';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../api/client';

export const unitQueries = {
  all: () => ['units'] as const,
  tree: () =>
    queryOptions({
      queryKey: [...unitQueries.all(), 'tree'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/units', unitsResponseSchema, { signal }),
    }),
};
