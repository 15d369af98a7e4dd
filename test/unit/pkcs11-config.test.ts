import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.ts";

describe("SIGNING_KEYS=pkcs11 configuration", () => {
  it("is off by default: keys are sealed", () => {
    expect(loadConfig({}).signingKeys).toEqual({ provider: "sealed" });
  });

  it("lists every missing setting", () => {
    try {
      loadConfig({ SIGNING_KEYS: "pkcs11" });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        "PKCS11_MODULE: required with SIGNING_KEYS=pkcs11",
        "PKCS11_TOKEN_LABEL, PKCS11_SLOT: set one of them with SIGNING_KEYS=pkcs11",
        "PKCS11_PIN, PKCS11_PIN_FILE: set one of them with SIGNING_KEYS=pkcs11",
      ]);
    }
    expect(() =>
      loadConfig({
        SIGNING_KEYS: "pkcs11",
        PKCS11_MODULE: "/m.so",
        PKCS11_SLOT: "1",
        PKCS11_TOKEN_LABEL: "t",
        PKCS11_PIN: "1",
        PKCS11_PIN_FILE: "/p",
      }),
    ).toThrow(ConfigError);
  });

  it("keeps the PIN out of anything that prints the configuration", () => {
    const config = loadConfig({
      SIGNING_KEYS: "pkcs11",
      PKCS11_MODULE: "/usr/lib/softhsm/libsofthsm2.so",
      PKCS11_TOKEN_LABEL: "Sceau",
      PKCS11_PIN: "pin-1234-secret",
    });
    const keys = config.signingKeys;
    if (keys.provider !== "pkcs11" || !("value" in keys.pin)) throw new Error("not pkcs11 with a PIN");
    expect(keys.pin.value()).toBe("pin-1234-secret");
    expect(keys.token).toEqual({ label: "Sceau" });
    expect(JSON.stringify(config)).not.toContain("pin-1234-secret");
    expect(
      loadConfig({
        SIGNING_KEYS: "pkcs11",
        PKCS11_MODULE: "/m.so",
        PKCS11_SLOT: "3",
        PKCS11_PIN_FILE: "/run/pin",
      }).signingKeys,
    ).toMatchObject({
      token: { slot: 3 },
      pin: { file: "/run/pin" },
    });
  });
});
