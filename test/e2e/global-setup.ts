import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Builds the web app once before the end-to-end tests (they drive the real, built pages). */
export default function setup() {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const res = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (res.status !== 0) throw new Error("vite build failed");
}
