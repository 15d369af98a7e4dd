import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./pdf-tools.ts";

/** Debian's SoftHSM2 module (package softhsm2). */
export const SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so";

export interface SoftHsmToken {
  dir: string;
  /** The SOFTHSM2_CONF file naming this token's directory. */
  conf: string;
  label: string;
  pin: string;
  pinFile: string;
  /** The environment a portal process needs to sign with this token. */
  env: Record<string, string>;
}

/**
 * A fresh SoftHSM2 token in a temporary directory, initialized with softhsm2-util. Sets
 * SOFTHSM2_CONF in this process (the module reads it when it is initialized), so a process signs
 * with one such token.
 */
export function softHsmToken(label = "Sceau test"): SoftHsmToken {
  const dir = tempDir("sceau-softhsm-");
  const conf = join(dir, "softhsm2.conf");
  writeFileSync(conf, `directories.tokendir = ${dir}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const pin = "4711-test-pin";
  const pinFile = join(dir, "pin");
  writeFileSync(pinFile, `${pin}\n`, { mode: 0o600 });
  execFileSync(
    "softhsm2-util",
    ["--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", "so-pin-0815"],
    { env: { ...process.env, SOFTHSM2_CONF: conf }, stdio: "pipe" },
  );
  process.env.SOFTHSM2_CONF = conf;
  return {
    dir,
    conf,
    label,
    pin,
    pinFile,
    env: {
      SOFTHSM2_CONF: conf,
      SIGNING_KEYS: "pkcs11",
      PKCS11_MODULE: SOFTHSM_MODULE,
      PKCS11_TOKEN_LABEL: label,
      PKCS11_PIN_FILE: pinFile,
    },
  };
}
