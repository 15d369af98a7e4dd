import { z } from "zod";

/** What the web app needs to know about this server. */
export const ServerMetaOut = z.object({
  environment: z.enum(["development", "production", "test"]),
  devOutbox: z.boolean(),
  version: z.string(),
});
