import { unitsResponseSchema } from '@tillit/domain';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../api/client';

export const unitQueries = {
  all: () => ['units'] as const,
  tree: () =>
    queryOptions({
      queryKey: [...unitQueries.all(), 'tree'] as const,
      // Closed units too, marked as such: a merger's predecessors keep their own pages.
      queryFn: ({ signal }) => apiClient.get('/api/units', unitsResponseSchema, { params: { include: 'closed' }, signal }),
    }),
};
