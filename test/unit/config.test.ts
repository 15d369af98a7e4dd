import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.ts";

describe("loadConfig", () => {
  it("has safe development defaults: PGlite under ./data, the dev outbox, port 3000", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: "development",
      port: 3000,
      publicUrl: "http://localhost:3000",
      secure: false,
      database: { kind: "pglite", dir: "./data/pglite" },
      dataDir: "./data",
      smtpUrl: null,
      devOutbox: true,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("refuses production without the master key, public URL and database, listing all three", () => {
    try {
      loadConfig({ NODE_ENV: "production" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join("\n");
      expect(problems).toMatch(/SCEAU_MASTER_KEY/);
      expect(problems).toMatch(/PUBLIC_URL/);
      expect(problems).toMatch(/DATABASE_URL/);
    }
  });

  it("lists every invalid variable at once", () => {
    try {
      loadConfig({ PORT: "ninety", DATABASE_URL: "mysql://x", SMTP_URL: "http://x", PUBLIC_URL: "ftp://x" });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems.map((p) => p.split(":")[0]).sort()).toEqual([
        "DATABASE_URL",
        "PORT",
        "PUBLIC_URL",
        "SMTP_URL",
      ]);
    }
  });

  it("runs production with everything set, secure behind https, with no dev outbox", () => {
    const c = loadConfig({
      NODE_ENV: "production",
      SCEAU_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
      PUBLIC_URL: "https://sceau.example.ca/",
      DATABASE_URL: "postgres://u@db/sceau",
    });
    expect(c).toMatchObject({
      secure: true,
      publicUrl: "https://sceau.example.ca",
      devOutbox: false,
      database: { kind: "postgres" },
    });
  });

  it("refuses a master key that is not 32 bytes of base64", () => {
    expect(() => loadConfig({ SCEAU_MASTER_KEY: "short" })).toThrow(/SCEAU_MASTER_KEY/);
  });

  it("runs several server processes only on PostgreSQL (PGlite lives in one process)", () => {
    expect(() => loadConfig({ WEB_PROCESSES: "2" })).toThrow(/WEB_PROCESSES: more than 1 needs DATABASE_URL/);
    expect(loadConfig({ WEB_PROCESSES: "2", DATABASE_URL: "postgres://h/db" }).webProcesses).toBe(2);
    expect(loadConfig({}).webProcesses).toBe(1);
    expect(() => loadConfig({ WEB_PROCESSES: "0", DATABASE_URL: "postgres://h/db" })).toThrow(
      /WEB_PROCESSES/,
    );
  });
});
