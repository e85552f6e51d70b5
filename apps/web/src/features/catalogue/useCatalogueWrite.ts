import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { apiClient, type WriteMethod } from '../../api/client';

/**
 * A write to the catalogue. A metric's target, threshold or definition changes every figure,
 * summary and overview computed from it, so a successful write refreshes every query rather
 * than guessing which of them depend on the metric.
 */
export function useCatalogueWrite<T>(method: WriteMethod, schema: z.ZodMiniType<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) => apiClient.send(method, path, schema, body),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
