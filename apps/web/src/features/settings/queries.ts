import { outboxStatusSchema, settingsSchema, type Settings, type SettingsUpdate } from '@tillit/domain';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiClient } from '../../api/client';

export const settingsQueries = {
  /** The signed-in person's own settings ("Mina inställningar"). */
  mine: () =>
    queryOptions({
      queryKey: ['settings'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/settings', settingsSchema, { signal }),
    }),
  /** The outbox's health, for the development manager. */
  outbox: () =>
    queryOptions({
      queryKey: ['mail', 'status'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/mail/status', outboxStatusSchema, { signal }),
      staleTime: 0,
    }),
};

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsUpdate) => apiClient.send('PUT', '/api/settings', settingsSchema, body),
    onSuccess: (saved: Settings) => queryClient.setQueryData(settingsQueries.mine().queryKey, saved),
  });
}

export function useResendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiClient.send('POST', `/api/mail/outbox/${id}/resend`, z.undefined()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsQueries.outbox().queryKey }),
  });
}
