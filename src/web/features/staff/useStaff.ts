import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { cancelInvitation, getStaff, removeStaffMember, resendInvitation } from "../../api/institutions.ts";
import { queryKeys } from "../../api/query-keys.ts";

export function useStaff(slug: string) {
  return useQuery({ queryKey: queryKeys.staff(slug), queryFn: () => getStaff(slug) });
}

/** The staff actions of one institution; each refreshes the staff list when done. */
export function useStaffActions(slug: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.staff(slug) });
  return {
    remove: useMutation({
      mutationFn: (membershipId: string) => removeStaffMember(slug, membershipId),
      onSettled: refresh,
    }),
    resend: useMutation({ mutationFn: (id: string) => resendInvitation(slug, id), onSettled: refresh }),
    cancel: useMutation({ mutationFn: (id: string) => cancelInvitation(slug, id), onSettled: refresh }),
  };
}
