import { backupStatusSchema, eraseResultSchema, type EraseResult } from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../api/client';

export const operationsQueries = {
  backups: () =>
    queryOptions({
      queryKey: ['admin', 'backups'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/system/backups', backupStatusSchema, { signal }),
      staleTime: 0,
    }),
};

/** The erasures of this page visit, read by the notice above the list (the erased row is gone by then). */
export const ERASE_MUTATION_KEY = ['admin', 'erase'] as const;

export interface EraseVars {
  id: number;
  keepContent: boolean;
  /** For the notice only: the name is not sent anywhere. */
  displayName: string;
}

export const personalDataUrl = (id: number) => `/api/users/${id}/personal-data`;

export function useEraseUser() {
  const queryClient = useQueryClient();
  return useMutation<EraseResult, Error, EraseVars>({
    mutationKey: ERASE_MUTATION_KEY,
    mutationFn: ({ id, keepContent }) => apiClient.send('POST', `/api/users/${id}/erase`, eraseResultSchema, { keepContent }),
    // An erased name may be on any page (notes, questions, the summary, the log): nothing cached may keep it.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
