import { useQuery } from "@tanstack/react-query";
import { getInstitution } from "../../api/client.ts";
import { queryKeys } from "../../api/queryKeys.ts";

export function useInstitution(slug: string) {
  return useQuery({ queryKey: queryKeys.institution(slug), queryFn: () => getInstitution(slug) });
}
