import { demoAccountsResponseSchema, meResponseSchema, type LoginBody, type Me } from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiClient } from '../../api/client';

export const meQueries = {
  /** The signed-in person, or null when nobody is signed in. */
  me: () =>
    queryOptions({
      queryKey: ['auth', 'me'] as const,
      queryFn: async ({ signal }): Promise<Me | null> => {
        try {
          return await apiClient.get('/api/auth/me', meResponseSchema, { signal });
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) return null;
          throw error;
        }
      },
      staleTime: 60_000,
    }),
  demoAccounts: () =>
    queryOptions({
      queryKey: ['auth', 'demo-accounts'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/auth/demo-accounts', demoAccountsResponseSchema, { signal }),
      staleTime: Infinity,
    }),
};

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiClient.send('POST', '/api/auth/login', meResponseSchema, body),
    onSuccess: (me) => {
      // Whatever was cached belonged to nobody or to someone else.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(meQueries.me().queryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.send('POST', '/api/auth/logout', z.undefined()),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueries.me().queryKey, null);
    },
  });
}
