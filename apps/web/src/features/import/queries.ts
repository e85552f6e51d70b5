import {
  importBatchesResponseSchema,
  importPreviewSchema,
  importResultSchema,
  importUndoResponseSchema,
  type ImportMapping,
  type ParentRows,
} from '@tillit/domain';
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

/** A file to import, with the columns chosen in the mapping step, the sheet and what to do with subtotal rows. */
export interface ImportUpload {
  file: File;
  mapping?: ImportMapping;
  sheet?: string;
  parentRows?: ParentRows;
}

function formFor({ file, mapping, sheet, parentRows }: ImportUpload): FormData {
  const form = new FormData();
  // Before the file: the server reads both either way, but this way round it reads them in order.
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  if (sheet) form.append('sheet', sheet);
  if (parentRows) form.append('parentRows', parentRows);
  form.append('file', file);
  return form;
}

/** A dry run: writes nothing, so nothing is refreshed. */
export const usePreviewImport = () =>
  useMutation({
    mutationFn: (upload: ImportUpload) => apiClient.upload('/api/imports', importPreviewSchema, formFor(upload), { dryRun: 'true' }),
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
  useValueWrite((upload: ImportUpload) => apiClient.upload('/api/imports', importResultSchema, formFor(upload)));

export const useUndoImport = () =>
  useValueWrite((batchId: number) => apiClient.send('DELETE', `/api/imports/${batchId}`, importUndoResponseSchema));
