import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

const ME_KEY = ['auth', 'me'] as const;

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session has ended: forget the person, and the sign-in guard
  // sends them to the sign-in page.
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 401) client.setQueryData(ME_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => query.queryKey[0] !== 'auth' && onError(error) }),
    mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => mutation.options.mutationKey?.[0] !== 'auth' && onError(error) }),
    defaultOptions: {
      queries: {
        // Yearly figures change when someone imports data, not while a page is open.
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        // A 4xx fails the same way again; a lost connection or a 5xx may not.
        retry: (failureCount, error) => !(error instanceof ApiError && error.isClientError) && failureCount < 2,
      },
    },
  });
  return client;
}
