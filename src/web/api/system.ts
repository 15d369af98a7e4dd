import { request } from "./http.ts";

export interface Meta {
  environment: "development" | "production" | "test";
  devOutbox: boolean;
  version: string;
}

export const getHealth = () => request<{ status: string }>("GET", "/healthz");
export const getMeta = () => request<Meta>("GET", "/api/v1/meta");
