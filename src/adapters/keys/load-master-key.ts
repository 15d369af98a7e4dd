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

/**
 * The current master key first, then the previous ones (SCEAU_PREVIOUS_MASTER_KEYS) still accepted
 * for opening during a rotation; a previous key equal to the current one is dropped.
 */
export function loadMasterKeys(
  fromEnv: string | null,
  previous: readonly string[],
  dataDir: string,
  allowGenerate: boolean,
): [Buffer, ...Buffer[]] {
  const current = loadMasterKey(fromEnv, dataDir, allowGenerate);
  const older = previous
    .map((text, i) => decode(text, `SCEAU_PREVIOUS_MASTER_KEYS[${i}]`))
    .filter((k, i, all) => !k.equals(current) && all.findIndex((o) => o.equals(k)) === i);
  return [current, ...older];
}

function decode(text: string, source: string): Buffer {
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) throw new Error(`${source}: the master key must be 32 bytes in base64`);
  return key;
}
