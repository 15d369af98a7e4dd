import type { UserSummary } from "../../core/accounts/accounts.types.ts";
import { request } from "./http.ts";

// Users (operator)

export interface UserPage {
  users: UserSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export function listUsers(params: { q?: string; page?: number } = {}): Promise<UserPage> {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return request<UserPage>("GET", `/api/v1/users${query ? `?${query}` : ""}`);
}

export async function disableUser(id: string): Promise<UserSummary> {
  return (await request<{ user: UserSummary }>("POST", `/api/v1/users/${encodeURIComponent(id)}/disable`))
    .user;
}

export async function enableUser(id: string): Promise<UserSummary> {
  return (await request<{ user: UserSummary }>("POST", `/api/v1/users/${encodeURIComponent(id)}/enable`))
    .user;
}
