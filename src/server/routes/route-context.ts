import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../composition/app-deps.ts";
import type { Config } from "../../config/config.ts";

export type ZodApp = ReturnType<FastifyInstance["withTypeProvider"]> & FastifyInstance;

export interface RouteContext {
  config: Config;
  deps: AppDeps;
}

export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/**
 * A per-minute limit per client IP, counted in this process: with several server processes each
 * allows its share, so that together they allow the configured limit (never less than 1).
 */
export const perMinuteLimit = (config: Config, limit: number) => ({
  rateLimit: { max: Math.ceil(limit / config.webProcesses), timeWindow: "1 minute" },
});

/** Per-route limit for authentication routes (per client IP, on top of per-account back-off). */
export const authRateLimit = (config: Config) => perMinuteLimit(config, config.authRateLimit);
