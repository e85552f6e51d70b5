import {
  koladaImportResultSchema,
  koladaMappingSchema,
  koladaMappingsResponseSchema,
  koladaPreviewSchema,
  referenceSeriesResponseSchema,
  type KoladaMappingBody,
  type KoladaMappingCreate,
} from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiClient } from '../../api/client';

export const koladaQueries = {
  all: () => ['kolada'] as const,
  mappings: () =>
    queryOptions({
      queryKey: [...koladaQueries.all(), 'mappings'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/kolada/mappings', koladaMappingsResponseSchema, { signal }),
    }),
  referenceSeries: (metricKey: string) =>
    queryOptions({
      queryKey: [...koladaQueries.all(), 'reference', metricKey] as const,
      queryFn: ({ signal }) => apiClient.get('/api/reference-series', referenceSeriesResponseSchema, { params: { metric: metricKey }, signal }),
    }),
};

function formFor(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** A dry run writes nothing, so nothing is refreshed. */
export const usePreviewKolada = () =>
  useMutation({
    mutationFn: (file: File) => apiClient.upload('/api/kolada/imports', koladaPreviewSchema, formFor(file), { dryRun: 'true' }),
  });

/** Imports and mapping changes touch only Kolada's figures and mappings: refresh those. */
function useKoladaWrite<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: koladaQueries.all() }) });
}

export const useImportKolada = () => useKoladaWrite((file: File) => apiClient.upload('/api/kolada/imports', koladaImportResultSchema, formFor(file)));

export const useCreateMapping = () =>
  useKoladaWrite((body: KoladaMappingCreate) => apiClient.send('POST', '/api/kolada/mappings', koladaMappingSchema, body));

export const useUpdateMapping = () =>
  useKoladaWrite(({ kpi, body }: { kpi: string; body: KoladaMappingBody }) =>
    apiClient.send('PUT', `/api/kolada/mappings/${encodeURIComponent(kpi)}`, koladaMappingSchema, body),
  );

export const useDeleteMapping = () =>
  useKoladaWrite((kpi: string) => apiClient.send('DELETE', `/api/kolada/mappings/${encodeURIComponent(kpi)}`, z.undefined()));
