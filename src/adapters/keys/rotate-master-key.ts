import { sharePaymentSecretPurpose } from "../../core/payments/share-payment-intent.ts";
import { PROVIDER_SECRET_PURPOSE } from "../../core/sign-on/sign-on-rules.ts";
import { isHardwareKeyReference } from "../../core/signing/hardware-key-reference.ts";
import { totpSecretPurpose } from "../../core/two-factor/totp-secret.ts";
import {
  SEALED_KINDS,
  type SealedChange,
  type SealedKind,
  type SealedRow,
  type SealedSecretRows,
} from "../db/sealed-secret-rows.ts";
import { KeyEnvelopeError, openPrivateKeyWithIndex, sealPrivateKey } from "../pki/key-envelope.ts";
import { dataKeyKek } from "./institution-data-keys.ts";
import { secretBoxKek } from "./sealed-secret-box.ts";

/** What a rotation found (or, with dryRun, would do) for one kind of sealed value. */
export interface RotationCount {
  kind: SealedKind;
  /** Re-sealed under the current master key (with dryRun: to re-seal). */
  rewrapped: number;
  /** Already under the current master key. */
  current: number;
  /** Signing keys on a hardware token (a PKCS#11 URI, not a sealed key): nothing to re-seal. */
  hardware: number;
}

/** Rows that open under none of the configured master keys: the rotation changes nothing. */
export class UnopenableSecretsError extends Error {
  constructor(readonly rows: { kind: SealedKind; id: string }[]) {
    super(`${rows.length} sealed value(s) open with none of the configured master keys`);
    this.name = "UnopenableSecretsError";
  }
}

/** The key-encryption key a master key gives for one sealed value. */
function kekOf(kind: SealedKind, masterKey: Buffer, context: string): Buffer {
  switch (kind) {
    case "portal-authorities":
    case "ocsp-signers":
    case "signing-identities":
      return masterKey;
    case "institution-data-keys":
      return dataKeyKek(masterKey, context);
    case "sign-on-secrets":
      return secretBoxKek(masterKey, PROVIDER_SECRET_PURPOSE);
    case "totp-secrets":
      return secretBoxKek(masterKey, totpSecretPurpose(context));
    case "share-payment-passcodes":
      return secretBoxKek(masterKey, sharePaymentSecretPurpose(context, "passcode"));
    case "share-payment-links":
      return secretBoxKek(masterKey, sharePaymentSecretPurpose(context, "link"));
  }
}

type Opened =
  | { state: "hardware" }
  | { state: "unopenable" }
  | { state: "opened"; keyIndex: number; plain: Buffer };

function openRow(kind: SealedKind, row: SealedRow, masterKeys: readonly Buffer[]): Opened {
  if (kind === "signing-identities" && isHardwareKeyReference(row.sealed)) return { state: "hardware" };
  const keks = masterKeys.map((k) => kekOf(kind, k, row.context));
  try {
    const { plain, keyIndex } = openPrivateKeyWithIndex(keks, Buffer.from(row.sealed));
    return { state: "opened", keyIndex, plain };
  } catch (e) {
    if (e instanceof KeyEnvelopeError) return { state: "unopenable" };
    throw e;
  }
}

/**
 * Re-seals every sealed value under the current master key (`masterKeys[0]`), opening it with any of
 * the previous ones (`masterKeys[1..]`). First it reads everything: if a value opens under none of
 * the keys it throws {@link UnopenableSecretsError} having written nothing. Then, unless dryRun, it
 * rewrites the values sealed under a previous key in batches, one transaction each, writing a row
 * only if it still holds the value read. Values already under the current key are left alone, so
 * running it again is a no-op and an interrupted run resumes where it stopped. A portal configured
 * with the same keys keeps opening every value during and after the run.
 */
export async function rotateMasterKey(
  rows: SealedSecretRows,
  masterKeys: readonly Buffer[],
  options: { dryRun: boolean; batchSize?: number },
): Promise<RotationCount[]> {
  const current = masterKeys[0];
  if (!current) throw new Error("no master key");
  const batchSize = options.batchSize ?? 200;

  async function eachPage(kind: SealedKind, visit: (page: SealedRow[]) => Promise<void>) {
    let after: string | null = null;
    for (;;) {
      const page = await rows.page(kind, after, batchSize);
      if (page.length === 0) return;
      await visit(page);
      after = page[page.length - 1]?.id ?? null;
      if (page.length < batchSize) return;
    }
  }

  const counts: RotationCount[] = [];
  const unopenable: { kind: SealedKind; id: string }[] = [];
  for (const kind of SEALED_KINDS) {
    const count: RotationCount = { kind, rewrapped: 0, current: 0, hardware: 0 };
    await eachPage(kind, async (page) => {
      for (const row of page) {
        const opened = openRow(kind, row, masterKeys);
        if (opened.state === "hardware") count.hardware++;
        else if (opened.state === "unopenable") unopenable.push({ kind, id: row.id });
        else {
          opened.plain.fill(0);
          if (opened.keyIndex === 0) count.current++;
          else count.rewrapped++;
        }
      }
    });
    counts.push(count);
  }
  if (unopenable.length > 0) throw new UnopenableSecretsError(unopenable);
  if (options.dryRun) return counts;

  for (const count of counts) {
    if (count.rewrapped === 0) continue;
    const { kind } = count;
    count.rewrapped = 0;
    await eachPage(kind, async (page) => {
      const changes: SealedChange[] = [];
      for (const row of page) {
        const opened = openRow(kind, row, masterKeys);
        if (opened.state === "unopenable") throw new UnopenableSecretsError([{ kind, id: row.id }]);
        if (opened.state !== "opened" || opened.keyIndex === 0) continue;
        const kek = kekOf(kind, current, row.context);
        changes.push({ id: row.id, from: row.sealed, to: new Uint8Array(sealPrivateKey(kek, opened.plain)) });
        opened.plain.fill(0);
      }
      count.rewrapped += await rows.replace(kind, changes);
    });
  }
  return counts;
}
