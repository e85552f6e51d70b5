import { importBatchesResponseSchema, importPreviewSchema, importResultSchema, importUndoResponseSchema } from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../api/client';

export const importQueries = {
  batches: () =>
    queryOptions({
      queryKey: ['imports'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/imports', importBatchesResponseSchema, { signal }),
      staleTime: 0,
    }),
};

function formFor(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** A dry run: writes nothing, so nothing is refreshed. */
export const usePreviewImport = () =>
  useMutation({
    mutationFn: (file: File) => apiClient.upload('/api/imports', importPreviewSchema, formFor(file), { dryRun: 'true' }),
  });

/**
 * Importing and undoing change stored values for any unit, metric and year in the file, which
 * feed the overview, metric pages, summaries and data-need counts alike: rather than list every
 * query key those touch (and miss one), every query is refreshed, the import list included.
 */
function useValueWrite<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}

export const useRunImport = () =>
  useValueWrite((file: File) => apiClient.upload('/api/imports', importResultSchema, formFor(file)));

export const useUndoImport = () =>
  useValueWrite((batchId: number) => apiClient.send('DELETE', `/api/imports/${batchId}`, importUndoResponseSchema));
