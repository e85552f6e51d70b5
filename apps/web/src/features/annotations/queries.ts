import {
  annotationReplySchema,
  annotationThreadSchema,
  annotationThreadsResponseSchema,
  recentAnnotationsResponseSchema,
  type CreateAnnotationBody,
  type UpdateAnnotationBody,
} from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiClient } from '../../api/client';

/** The metric and unit a thread is about: what a write changes. */
export interface ThreadScope {
  metricKey: string;
  unitId: string;
}

export const annotationQueries = {
  all: () => ['annotations'] as const,
  threadLists: () => [...annotationQueries.all(), 'threads'] as const,
  threads: ({ metricKey, unitId }: ThreadScope) =>
    queryOptions({
      queryKey: [...annotationQueries.threadLists(), metricKey, unitId] as const,
      queryFn: ({ signal }) =>
        apiClient.get('/api/annotations', annotationThreadsResponseSchema, { params: { metric: metricKey, unit: unitId }, signal }),
    }),
  recentLists: () => [...annotationQueries.all(), 'recent'] as const,
  recent: (unitId: string, limit = 5) =>
    queryOptions({
      queryKey: [...annotationQueries.recentLists(), unitId, limit] as const,
      queryFn: ({ signal }) => apiClient.get('/api/annotations/recent', recentAnnotationsResponseSchema, { params: { unit: unitId, limit }, signal }),
    }),
};

/**
 * After any write: the one thread list it changed, and the latest-notes lists (a note shows in
 * the list of its unit and of every unit above it, so all of them, which are few and small).
 */
function invalidateAfterWrite(queryClient: QueryClient, scope: ThreadScope): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: annotationQueries.threads(scope).queryKey }),
    queryClient.invalidateQueries({ queryKey: annotationQueries.recentLists() }),
  ]);
}

function useAnnotationWrite<Variables, Result>(scope: ThreadScope, write: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => invalidateAfterWrite(queryClient, scope) });
}

export function useCreateAnnotation(scope: ThreadScope) {
  return useAnnotationWrite(scope, (body: CreateAnnotationBody) => apiClient.send('POST', '/api/annotations', annotationThreadSchema, body));
}

export function useUpdateAnnotation(scope: ThreadScope) {
  return useAnnotationWrite(scope, ({ id, body }: { id: number; body: UpdateAnnotationBody }) =>
    apiClient.send('PATCH', `/api/annotations/${id}`, annotationThreadSchema, body),
  );
}

export function useDeleteAnnotation(scope: ThreadScope) {
  return useAnnotationWrite(scope, (id: number) => apiClient.send('DELETE', `/api/annotations/${id}`, z.undefined()));
}

export function useReplyToAnnotation(scope: ThreadScope) {
  return useAnnotationWrite(scope, ({ id, text }: { id: number; text: string }) =>
    apiClient.send('POST', `/api/annotations/${id}/replies`, annotationReplySchema, { text }),
  );
}
