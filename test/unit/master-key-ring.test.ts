import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hmacTokenSigner } from "../../src/adapters/crypto/hmac-token-signer.ts";
import { sealedSecretBox } from "../../src/adapters/keys/sealed-secret-box.ts";
import {
  KeyEnvelopeError,
  openPrivateKey,
  openPrivateKeyWithIndex,
  sealPrivateKey,
} from "../../src/adapters/pki/key-envelope.ts";
import { ConfigError, loadConfig } from "../../src/config/config.ts";

const a = randomBytes(32);
const b = randomBytes(32);
const c = randomBytes(32);

describe("opening with the current or a previous master key", () => {
  it("opens an envelope with whichever of the keys sealed it, and says which", () => {
    const secret = Buffer.from("private key bytes");
    const underA = sealPrivateKey(a, secret);
    expect(openPrivateKeyWithIndex([b, a], underA)).toEqual({ plain: secret, keyIndex: 1 });
    expect(openPrivateKeyWithIndex([a, b], underA).keyIndex).toBe(0);
    expect(openPrivateKey(a, underA)).toEqual(secret);
    expect(() => openPrivateKey([b, c], underA)).toThrow(KeyEnvelopeError);
    expect(() => openPrivateKey([], underA)).toThrow(KeyEnvelopeError);
  });

  it("the secret box seals under the first key and opens with any, per purpose", () => {
    const old = sealedSecretBox(a).seal("totp-secret:u1", "JBSWY3DP");
    const rotating = sealedSecretBox([b, a]);
    expect(rotating.open("totp-secret:u1", old)).toBe("JBSWY3DP");
    expect(() => rotating.open("totp-secret:u2", old)).toThrow();
    const fresh = rotating.seal("totp-secret:u1", "NEW");
    expect(sealedSecretBox(b).open("totp-secret:u1", fresh)).toBe("NEW");
    expect(() => sealedSecretBox(a).open("totp-secret:u1", fresh)).toThrow();
  });

  it("signed tokens: signed with the current key, verified with any", () => {
    const later = new Date(Date.now() + 60_000);
    const old = hmacTokenSigner(a).sign("invite", { x: "1" }, later);
    expect(hmacTokenSigner(b, [a]).verify("invite", old, new Date())).toEqual({ x: "1" });
    expect(hmacTokenSigner(b).verify("invite", old, new Date())).toBeNull();
    const fresh = hmacTokenSigner(b, [a]).sign("invite", { x: "2" }, later);
    expect(hmacTokenSigner(b).verify("invite", fresh, new Date())).toEqual({ x: "2" });
  });
});

describe("SCEAU_PREVIOUS_MASTER_KEYS", () => {
  it("is a comma-separated list of base64 keys, empty by default", () => {
    expect(loadConfig({}).previousMasterKeys).toEqual([]);
    const k1 = a.toString("base64");
    const k2 = b.toString("base64url");
    expect(loadConfig({ SCEAU_PREVIOUS_MASTER_KEYS: `${k1}, ${k2}` }).previousMasterKeys).toEqual([k1, k2]);
    expect(() => loadConfig({ SCEAU_PREVIOUS_MASTER_KEYS: `${k1},short` })).toThrow(ConfigError);
  });
});
