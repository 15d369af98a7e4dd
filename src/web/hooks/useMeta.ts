import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys.ts";
import { getMeta } from "../api/system.ts";

/** What the server says about itself (environment, development outbox, version). */
export function useMeta() {
  return useQuery({
    queryKey: queryKeys.meta,
    queryFn: getMeta,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
