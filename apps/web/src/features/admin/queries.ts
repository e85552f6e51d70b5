import { auditEntriesResponseSchema, type UserCreate, userResponseSchema, usersResponseSchema, type UserUpdate } from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiClient } from '../../api/client';

export const adminQueries = {
  users: () =>
    queryOptions({
      queryKey: ['admin', 'users'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/users', usersResponseSchema, { signal }),
    }),
  audit: (entity: string | null) =>
    queryOptions({
      queryKey: ['admin', 'audit', entity ?? 'all'] as const,
      queryFn: ({ signal }) =>
        apiClient.get('/api/audit', auditEntriesResponseSchema, { params: { limit: 200, entity: entity ?? undefined }, signal }),
      staleTime: 0,
    }),
};

/** Every account write refreshes the list and the log, nothing else. */
function useAccountMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminQueries.users().queryKey });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
}

export const useCreateUser = () =>
  useAccountMutation((body: UserCreate) => apiClient.send('POST', '/api/users', userResponseSchema, body));

export const useUpdateUser = () =>
  useAccountMutation(({ id, ...body }: UserUpdate & { id: number }) =>
    apiClient.send('PATCH', `/api/users/${id}`, userResponseSchema, body),
  );

export const useResetPassword = () =>
  useAccountMutation(({ id, password }: { id: number; password: string }) =>
    apiClient.send('POST', `/api/users/${id}/password`, z.undefined(), { password }),
  );
