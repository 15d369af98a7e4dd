import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The 32-byte master key that wraps every other secret at rest. From SCEAU_MASTER_KEY when set;
 * otherwise (development only) read from, or generated into, DATA_DIR/master.key.
 */
export function loadMasterKey(fromEnv: string | null, dataDir: string, allowGenerate: boolean): Buffer {
  if (fromEnv) return decode(fromEnv, "SCEAU_MASTER_KEY");
  if (!allowGenerate) throw new Error("SCEAU_MASTER_KEY is required");
  const file = join(dataDir, "master.key");
  if (existsSync(file)) return decode(readFileSync(file, "utf8").trim(), file);
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return key;
}

function decode(text: string, source: string): Buffer {
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) throw new Error(`${source}: the master key must be 32 bytes in base64`);
  return key;
}
