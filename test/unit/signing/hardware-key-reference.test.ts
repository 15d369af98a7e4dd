import { generateKeyPairSync, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ecdsaRawToDer } from "../../../src/adapters/pkcs11/ecdsa-raw-to-der.ts";
import { sealPrivateKey } from "../../../src/adapters/pki/key-envelope.ts";
import {
  formatHardwareKeyReference,
  hardwareKeyReferenceBytes,
  isHardwareKeyReference,
  parseHardwareKeyReference,
} from "../../../src/core/signing/hardware-key-reference.ts";

describe("PKCS#11 key references (RFC 7512 URIs in the sealed_key column)", () => {
  it("round-trips through the stored bytes, escaping the token label", () => {
    const ref = { token: "Sceau; HSM été", id: "00a1ff" };
    const uri = formatHardwareKeyReference(ref);
    expect(uri).toBe("pkcs11:token=Sceau%3B%20HSM%20%C3%A9t%C3%A9;id=%00%a1%ff;type=private");
    expect(parseHardwareKeyReference(uri)).toEqual(ref);
    expect(parseHardwareKeyReference(hardwareKeyReferenceBytes(ref))).toEqual(ref);
    expect(parseHardwareKeyReference("pkcs11:token=T;id=ab?pin-value=x")).toEqual({ token: "T", id: "6162" });
  });

  it("never takes a sealed key envelope for a reference, nor a reference without token or id", () => {
    const sealed = sealPrivateKey(Buffer.alloc(32, 7), Buffer.from("pkcs11:token=x;id=%01"));
    expect(isHardwareKeyReference(sealed)).toBe(false);
    expect(parseHardwareKeyReference(sealed)).toBeNull();
    expect(parseHardwareKeyReference("pkcs11:id=%01")).toBeNull();
    expect(parseHardwareKeyReference("pkcs11:token=x")).toBeNull();
    expect(parseHardwareKeyReference("https://example.org")).toBeNull();
    expect(() => formatHardwareKeyReference({ token: "x", id: "xyz" })).toThrow();
  });
});

describe("ecdsaRawToDer", () => {
  it("turns r || s into the DER node:crypto verifies, with leading zeros and high bits", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    for (let i = 0; i < 64; i++) {
      const data = Buffer.from(`message ${i}`);
      const raw = sign("sha256", data, { key: privateKey, dsaEncoding: "ieee-p1363" });
      const der = ecdsaRawToDer(raw);
      expect(verify("sha256", data, { key: publicKey, dsaEncoding: "der" }, der)).toBe(true);
    }
    expect(Buffer.from(ecdsaRawToDer(Uint8Array.of(0, 0x80, 0, 1))).toString("hex")).toBe(
      "300702020080020101",
    );
  });
});
