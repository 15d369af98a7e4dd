import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../../config/config.ts";
import type { AppDeps } from "../app-deps.ts";

export type ZodApp = ReturnType<FastifyInstance["withTypeProvider"]> & FastifyInstance;

export interface RouteContext {
  config: Config;
  deps: AppDeps;
}

export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** Per-route limit for authentication routes (per client IP, on top of per-account back-off). */
export const authRateLimit = (config: Config) => ({
  rateLimit: { max: config.authRateLimit, timeWindow: "1 minute" },
});
