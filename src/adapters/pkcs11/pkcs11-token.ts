import { readFileSync } from "node:fs";
import pkcs11js from "pkcs11js";

/** How to reach the token (see docs/signing.md, "Keys in an HSM (PKCS#11)"). */
export interface Pkcs11TokenOptions {
  /** The PKCS#11 module (shared library), e.g. /usr/lib/softhsm/libsofthsm2.so. */
  module: string;
  /** The token, by label (preferred: slot numbers change) or by slot id. */
  token: { label: string } | { slot: number };
  /** The user PIN: read once, at the first use of the token; never logged. */
  pin: { file: string } | { value: () => string };
  /** Sessions kept open for signing at once (default 4). */
  sessions?: number;
}

export type Pkcs11 = InstanceType<typeof pkcs11js.PKCS11>;
export type Handle = Buffer;

/** An open, logged-in token: a small pool of read-write sessions. */
export interface Pkcs11Token {
  readonly pkcs11: Pkcs11;
  /** The token's label (trailing spaces removed). */
  readonly label: string;
  /** Runs `fn` with a session of its own (returned to the pool afterwards). */
  withSession<T>(fn: (session: Handle) => Promise<T> | T): Promise<T>;
  /** Closes the sessions and finalizes the module. */
  close(): void;
}

const RW_SESSION = pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION;

/** True when `err` is the PKCS#11 return value `code` (pkcs11js' Pkcs11Error). */
export const isPkcs11Error = (err: unknown, code: number): boolean =>
  err instanceof pkcs11js.Pkcs11Error && err.code === code;

const readPin = (pin: Pkcs11TokenOptions["pin"]): string =>
  "file" in pin ? readFileSync(pin.file, "utf8").replace(/\r?\n$/, "") : pin.value();

/**
 * Loads the module, initializes it (CKF_OS_LOCKING_OK: signing runs on libuv's threads), finds the
 * slot, logs in as the user. PKCS#11 allows one initialization and one login per process: a module
 * already initialized or a user already logged in (another Pkcs11Token in this process) is fine.
 */
export function openPkcs11Token(options: Pkcs11TokenOptions): Pkcs11Token {
  const pkcs11: Pkcs11 = new pkcs11js.PKCS11();
  pkcs11.load(options.module);
  try {
    pkcs11.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
  } catch (err) {
    if (!isPkcs11Error(err, pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED)) throw err;
  }
  const slot = findSlot(pkcs11, options.token);
  const label = pkcs11.C_GetTokenInfo(slot).label.trimEnd();
  // This session stays open for the token's lifetime: the login lasts while one session is open.
  const main = pkcs11.C_OpenSession(slot, RW_SESSION);
  try {
    pkcs11.C_Login(main, pkcs11js.CKU_USER, readPin(options.pin));
  } catch (err) {
    if (!isPkcs11Error(err, pkcs11js.CKR_USER_ALREADY_LOGGED_IN)) {
      pkcs11.C_CloseSession(main);
      throw new Error(`PKCS#11 login to token "${label}" failed: ${(err as Error).message}`);
    }
  }
  const max = Math.max(1, options.sessions ?? 4);
  const idle: Handle[] = [main];
  const all: Handle[] = [main];
  const waiting: ((session: Handle) => void)[] = [];
  let closed = false;

  const acquire = (): Promise<Handle> | Handle => {
    if (closed) throw new Error("the PKCS#11 token is closed");
    const free = idle.pop();
    if (free) return free;
    if (all.length < max) {
      const session = pkcs11.C_OpenSession(slot, RW_SESSION);
      all.push(session);
      return session;
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (session: Handle) => {
    const next = waiting.shift();
    if (next) next(session);
    else idle.push(session);
  };

  return {
    pkcs11,
    label,
    async withSession(fn) {
      const session = await acquire();
      try {
        return await fn(session);
      } finally {
        release(session);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      for (const session of all) {
        try {
          pkcs11.C_CloseSession(session);
        } catch {}
      }
      try {
        pkcs11.C_Finalize();
      } catch {}
    },
  };
}

function findSlot(pkcs11: Pkcs11, token: Pkcs11TokenOptions["token"]): Handle {
  const slots = pkcs11.C_GetSlotList(true);
  if ("slot" in token) {
    const slot = slots.find((s) => slotNumber(s) === BigInt(token.slot));
    if (!slot) throw new Error(`PKCS#11: no token in slot ${token.slot}`);
    return slot;
  }
  const slot = slots.find((s) => pkcs11.C_GetTokenInfo(s).label.trimEnd() === token.label);
  if (!slot) throw new Error(`PKCS#11: no token labelled "${token.label}"`);
  return slot;
}

/** A slot handle (CK_ULONG, little-endian here) as a number. */
const slotNumber = (handle: Handle): bigint =>
  handle.length >= 8 ? handle.readBigUInt64LE(0) : BigInt(handle.readUInt32LE(0));
