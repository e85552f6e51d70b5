import { dataNeedCreatedSchema, dataNeedSchema, dataNeedsResponseSchema, type DataNeed, type DataNeedCreate, type DataNeedUpdate } from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiClient } from '../../api/client';
import { dataNeedCountQueries } from './count-queries';
import { filtersToApiParams, type InboxFilters } from './data-need-model';

export const dataNeedQueries = {
  all: () => ['data-needs'] as const,
  inboxLists: () => [...dataNeedQueries.all(), 'inbox'] as const,
  /** Every question, filtered (the development manager's inbox). */
  inbox: (filters: InboxFilters) =>
    queryOptions({
      queryKey: [...dataNeedQueries.inboxLists(), filters] as const,
      queryFn: ({ signal }) => apiClient.get('/api/data-needs', dataNeedsResponseSchema, { params: filtersToApiParams(filters), signal }),
    }),
  /** The signed-in person's own questions, with the replies (Mina frågor). */
  mine: () =>
    queryOptions({
      queryKey: [...dataNeedQueries.all(), 'mine'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/data-needs', dataNeedsResponseSchema, { params: { mine: 'true' }, signal }),
    }),
  // The menu's numbers, under these keys (count-queries.ts: checked without zod).
  unread: dataNeedCountQueries.unread,
  stats: dataNeedCountQueries.stats,
};

export function useCreateDataNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DataNeedCreate) => apiClient.send('POST', '/api/data-needs', dataNeedCreatedSchema, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dataNeedQueries.mine().queryKey }),
        queryClient.invalidateQueries({ queryKey: dataNeedQueries.inboxLists() }),
        queryClient.invalidateQueries({ queryKey: dataNeedQueries.stats().queryKey }),
      ]),
  });
}

export function useReplyToDataNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: DataNeedUpdate }) => apiClient.send('PATCH', `/api/data-needs/${id}`, dataNeedSchema, body),
    onSuccess: (updated: DataNeed) => {
      // The answered question stays in the list in front of the development manager with its new
      // status, even when a status filter would now leave it out; the lists are refetched next time.
      queryClient.setQueriesData<DataNeed[]>({ queryKey: dataNeedQueries.inboxLists() }, (list) =>
        list?.map((n) => (n.id === updated.id ? updated : n)),
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: dataNeedQueries.inboxLists(), refetchType: 'none' }),
        queryClient.invalidateQueries({ queryKey: dataNeedQueries.stats().queryKey }),
        queryClient.invalidateQueries({ queryKey: dataNeedQueries.mine().queryKey }),
        queryClient.invalidateQueries({ queryKey: dataNeedQueries.unread().queryKey }),
      ]);
    },
  });
}

export function useMarkDataNeedRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiClient.send('POST', `/api/data-needs/${id}/read`, z.undefined()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataNeedQueries.unread().queryKey }),
  });
}
