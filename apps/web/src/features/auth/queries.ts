import { logoutResponseSchema, meResponseSchema, type Me } from '@tillit/domain';
import { queryOptions, useMutation } from '@tanstack/react-query';
import { ApiError, apiClient } from '../../api/client';
import { z } from 'zod/mini';
import { signInHref } from './SignInRedirect';

// Signing in happens on the sign-in page, its own entry (src/login/); the app only asks who is
// signed in and signs out, with the domain's schemas (zod/mini).

/** A sign-out's answer: 204 with no body, or, for a session begun at the organisation's identity provider, where to go next. */
const signedOut = z.optional(logoutResponseSchema);
export const meQueries = {
  /** The signed-in person, or null when nobody is signed in. */
  me: () =>
    queryOptions({
      queryKey: ['auth', 'me'] as const,
      queryFn: async ({ signal }): Promise<Me | null> => {
        try {
          return await apiClient.get('/api/auth/me', meResponseSchema, { signal });
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) return null;
          throw error;
        }
      },
      staleTime: 60_000,
    }),
};

/**
 * Signs out and goes to the sign-in page with a full page load, which also drops every cached
 * answer of the person who signed out. Also when the request failed: the person asked to leave.
 * A session begun at the organisation's identity provider goes on to sign out there too (the
 * provider then sends the browser back to Tillit).
 */
export function useLogout() {
  return useMutation({
    mutationKey: ['auth', 'logout'] as const,
    mutationFn: () => apiClient.send('POST', '/api/auth/logout', signedOut),
    onSettled: (answer) => window.location.assign(answer?.endSessionUrl ?? signInHref()),
  });
}
