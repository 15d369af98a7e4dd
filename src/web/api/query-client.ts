import { QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./http.ts";
import { queryKeys } from "./query-keys.ts";

/** Client errors (4xx) are answers, not accidents: trying again would not change them. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // The session ended elsewhere (expiry, "sign out everywhere"): the app becomes anonymous,
        // and the route guard sends the person to the sign-in page.
        const sessionEnded =
          error instanceof ApiError && error.status === 401 && error.code === "unauthenticated";
        if (sessionEnded && query.queryKey[0] !== queryKeys.me[0])
          queryClient.setQueryData(queryKeys.me, null);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
