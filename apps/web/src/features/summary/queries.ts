import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../api/client';
import { summaryResponseSchema as summaryResponse } from '@tillit/domain';

/** `unitId` null is the whole organisation (the server's default). */
export const summaryQueries = {
  all: () => ['summary'] as const,
  summary: (unitId: string | null) =>
    queryOptions({
      queryKey: [...summaryQueries.all(), 'signed-in', unitId] as const,
      queryFn: ({ signal }) =>
        apiClient.get('/api/summary', summaryResponse, { params: { unit: unitId ?? undefined }, signal }),
    }),
  /** Through a public link: no session, the token is the permission. */
  public: (token: string, unitId: string | null) =>
    queryOptions({
      queryKey: [...summaryQueries.all(), 'public', token, unitId] as const,
      queryFn: ({ signal }) =>
        apiClient.get(`/api/public/${encodeURIComponent(token)}/summary`, summaryResponse, {
          params: { unit: unitId ?? undefined },
          signal,
        }),
      // A revoked or unknown link will not start working on a retry.
      retry: false,
    }),
};
