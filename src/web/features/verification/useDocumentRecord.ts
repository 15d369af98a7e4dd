import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../../api/http.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { getDocumentVerification } from "../../api/verification.ts";

/** A document's public registry record; a 404 is final (not retried). */
export function useDocumentRecord(id: string | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.documentVerification(id ?? ""),
    queryFn: () => getDocumentVerification(id ?? ""),
    enabled: enabled && Boolean(id),
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 2,
  });
}
