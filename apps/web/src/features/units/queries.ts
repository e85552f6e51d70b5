import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../api/client';
import { checked, isUnitTree } from '../../api/guards';

export const unitQueries = {
  all: () => ['units'] as const,
  tree: () =>
    queryOptions({
      queryKey: [...unitQueries.all(), 'tree'] as const,
      // Closed units too, marked as such: a merger's predecessors keep their own pages. The tree is
      // in every staff page's sidebar, so it is checked by hand (api/guards.ts), not with zod.
      queryFn: ({ signal }) => apiClient.get('/api/units', checked(isUnitTree, 'the organisation tree'), { params: { include: 'closed' }, signal }),
    }),
};
