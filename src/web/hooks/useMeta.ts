import { useQuery } from "@tanstack/react-query";
import { getMeta } from "../api/client.ts";
import { queryKeys } from "../api/queryKeys.ts";

/** What the server says about itself (environment, development outbox, version). */
export function useMeta() {
  return useQuery({
    queryKey: queryKeys.meta,
    queryFn: getMeta,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
