import { useQuery } from "@tanstack/react-query";
import { getInstitution } from "../../api/institutions.ts";
import { queryKeys } from "../../api/query-keys.ts";

export function useInstitution(slug: string) {
  return useQuery({ queryKey: queryKeys.institution(slug), queryFn: () => getInstitution(slug) });
}
