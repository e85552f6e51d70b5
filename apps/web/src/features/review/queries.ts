import { analysesResponseSchema, analysisSchema, reviewResponseSchema, type AnalysisBody } from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../api/client';
import { summaryQueries } from '../summary/queries';

/** `year` null: the server's default (the latest complete year). */
export const reviewQueries = {
  all: () => ['review'] as const,
  review: (unitId: string, year: number | null) =>
    queryOptions({
      queryKey: [...reviewQueries.all(), unitId, year] as const,
      queryFn: ({ signal }) => apiClient.get('/api/review', reviewResponseSchema, { params: { unit: unitId, year: year ?? undefined }, signal }),
    }),
};

export const analysisQueries = {
  all: () => ['analyses'] as const,
  ofYear: (unitId: string, year: number) =>
    queryOptions({
      queryKey: [...analysisQueries.all(), unitId, year] as const,
      queryFn: ({ signal }) => apiClient.get('/api/analyses', analysesResponseSchema, { params: { unit: unitId, year }, signal }),
    }),
};

/**
 * Saves an analysis as a draft or published. Afterwards the review, the analyses and the summary
 * (where a published analysis shows) are fetched again.
 */
export function useSaveAnalysis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnalysisBody) => apiClient.send('PUT', '/api/analyses', analysisSchema, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewQueries.all() }),
        queryClient.invalidateQueries({ queryKey: analysisQueries.all() }),
        queryClient.invalidateQueries({ queryKey: summaryQueries.all() }),
      ]),
  });
}
