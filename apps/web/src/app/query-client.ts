import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
}
