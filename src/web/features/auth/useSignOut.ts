import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { signOut } from "../../api/auth.ts";
import { queryKeys } from "../../api/query-keys.ts";

/** Signs out, forgets every cached answer but the server's metadata, and goes to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => forgetSession(queryClient, () => navigate("/sign-in", { state: { signedOut: true } })),
  });
}

/** After the session ended (sign out, sign out everywhere, password reset): drop the user's data. */
export function forgetSession(queryClient: ReturnType<typeof useQueryClient>, then: () => void): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.meta[0] });
  queryClient.setQueryData(queryKeys.me, null);
  then();
}
