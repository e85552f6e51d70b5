import {
  publicLinkCreatedSchema,
  publicLinkSchema,
  publicLinksResponseSchema,
  type PublicLinkCreate,
  type PublicLinkUpdate,
} from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../api/client';

export const publicLinkQueries = {
  all: () => ['public-links'] as const,
  list: () =>
    queryOptions({
      queryKey: [...publicLinkQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/public-links', publicLinksResponseSchema, { signal }),
      staleTime: 0,
    }),
};

/** The writes change the list and nothing else. */
function useInvalidateList() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: publicLinkQueries.list().queryKey });
}

export function useCreatePublicLink() {
  const onSuccess = useInvalidateList();
  return useMutation({
    mutationFn: (body: PublicLinkCreate) => apiClient.send('POST', '/api/public-links', publicLinkCreatedSchema, body),
    onSuccess,
  });
}

export function useRevokePublicLink() {
  const onSuccess = useInvalidateList();
  return useMutation({
    mutationFn: (id: number) => apiClient.send('DELETE', `/api/public-links/${id}`, publicLinkSchema),
    onSuccess,
  });
}

/** Whether anonymous readers of a link see who wrote its public notes. */
export function useSetShowAuthors() {
  const onSuccess = useInvalidateList();
  return useMutation({
    mutationFn: ({ id, ...body }: PublicLinkUpdate & { id: number }) =>
      apiClient.send('PATCH', `/api/public-links/${id}`, publicLinkSchema, body),
    onSuccess,
  });
}
