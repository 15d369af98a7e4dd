import { describe, expect, it } from "vitest";
import { webVerifierCrypto } from "../../../src/core/verification/signature-algorithms.ts";

describe("the WebCrypto verifier on hostile keys", () => {
  it("answers false for a broken EC key and a broken signature, leaving no unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const crypto = webVerifierCrypto();
      const brokenSpki = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]);
      const brokenSignature = new Uint8Array([0x01, 0x02]);
      const scheme = { name: "ECDSA", hash: "SHA-256", namedCurve: "P-256", coordinateLength: 32 } as const;
      await expect(crypto.verify(brokenSpki, scheme, new Uint8Array(8), brokenSignature)).resolves.toBe(
        false,
      );
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
