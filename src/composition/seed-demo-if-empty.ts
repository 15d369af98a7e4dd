import type { Config } from "../config/config.ts";
import { seedDemo } from "../core/demo/seed-demo.ts";
import type { CoreDeps } from "../core/ports.ts";
import { printSeedResult } from "./print-seed-result.ts";

/** On an empty database (no institution yet), runs the demo seed and prints the accounts once. */
export async function seedDemoIfEmpty(core: CoreDeps, config: Config): Promise<void> {
  const existing = await core.stores.institutions.listAll();
  if (existing.length > 0) return;
  const result = await seedDemo(core);
  printSeedResult(result, config);
}
