import {
  reorganisationPreviewSchema,
  reorganisationSchema,
  reorganisationsResponseSchema,
  unitAdminSchema,
  unitImportPreviewSchema,
  unitImportResultSchema,
  unitsResponseSchema,
  type ReorganisationBody,
  type UnitCreateBody,
  type UnitUpdateBody,
} from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../api/client';

export const organisationQueries = {
  /** Every unit, closed ones too: the page edits them all. */
  units: () =>
    queryOptions({
      queryKey: ['organisation', 'units'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/units', unitsResponseSchema, { params: { include: 'closed' }, signal }),
      staleTime: 0,
    }),
  reorganisations: () =>
    queryOptions({
      queryKey: ['organisation', 'reorganisations'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/reorganisations', reorganisationsResponseSchema, { signal }),
      staleTime: 0,
    }),
};

/**
 * A change to the organisation moves figures between units and years (a merger gives the new
 * unit its predecessors' sum), so every page's figures may change: everything is refreshed.
 */
function useOrganisationWrite<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries() });
}

export const useCreateUnit = () =>
  useOrganisationWrite((body: UnitCreateBody) => apiClient.send('POST', '/api/units', unitAdminSchema, body));

export const useUpdateUnit = () =>
  useOrganisationWrite(({ id, ...body }: UnitUpdateBody & { id: string }) =>
    apiClient.send('PATCH', `/api/units/${encodeURIComponent(id)}`, unitAdminSchema, body),
  );

/** A dry run writes nothing: it answers with the figures already shown that the change would hide. */
export const usePreviewReorganisation = () =>
  useMutation({
    mutationFn: (body: ReorganisationBody) =>
      apiClient.send('POST', '/api/reorganisations?dryRun=true', reorganisationPreviewSchema, body),
  });

export const useRegisterReorganisation = () =>
  useOrganisationWrite((body: ReorganisationBody) => apiClient.send('POST', '/api/reorganisations', reorganisationSchema, body));

const formFor = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

/** A dry run writes nothing, so nothing is refreshed. */
export const usePreviewUnits = () =>
  useMutation({ mutationFn: (file: File) => apiClient.upload('/api/units/import', unitImportPreviewSchema, formFor(file), { dryRun: 'true' }) });

export const useImportUnits = () =>
  useOrganisationWrite((file: File) => apiClient.upload('/api/units/import', unitImportResultSchema, formFor(file)));
