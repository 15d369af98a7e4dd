import type { InstitutionDashboard } from "../../core/dashboard/dashboard.types.ts";
import { request } from "./http.ts";

/** The institution's overview (its staff and the operator). */
export const getInstitutionDashboard = (slug: string) =>
  request<InstitutionDashboard>("GET", `/api/v1/institutions/${encodeURIComponent(slug)}/dashboard`);

/** Puts a failed email back in the queue. */
export const resendFailedEmail = (slug: string, id: string) =>
  request<{ resent: true }>(
    "POST",
    `/api/v1/institutions/${encodeURIComponent(slug)}/failed-emails/${encodeURIComponent(id)}/resend`,
  );
