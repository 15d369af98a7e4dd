import { useQuery } from "@tanstack/react-query";
import type { CurrentUser } from "../../../core/accounts/accounts.types.ts";
import { getMe } from "../../api/auth.ts";
import { ApiError } from "../../api/http.ts";
import { queryKeys } from "../../api/query-keys.ts";

/** The signed-in user, or null for an anonymous visitor. */
export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await getMe();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useCurrentUser() {
  const query = useQuery({ queryKey: queryKeys.me, queryFn: fetchCurrentUser, staleTime: 5 * 60_000 });
  return {
    user: query.data ?? null,
    isPending: query.isPending,
    error: query.error,
    refetch: query.refetch,
  };
}
