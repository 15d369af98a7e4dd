import { buildRuntime, type Runtime } from "../composition/deps.ts";
import { createLogger } from "../composition/logger.ts";
import { type Config, ConfigError, loadConfig } from "../config/config.ts";

/** Exit codes: 0 done, 1 failed, 2 usage or configuration problem. */
export const EXIT_USAGE = 2;

/** Loads the configuration (as the server does) and opens the runtime; prints config problems and exits 2. */
export async function openRuntime(): Promise<{ config: Config; runtime: Runtime }> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(EXIT_USAGE);
    }
    throw e;
  }
  const logger = createLogger({ logLevel: config.logLevel === "info" ? "warn" : config.logLevel });
  // The command line serves no recipient page: no connection listening for share changes.
  const runtime = await buildRuntime(config, logger, { webRoot: null, shareCache: false });
  return { config, runtime };
}
