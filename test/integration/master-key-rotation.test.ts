import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/adapters/db/open-database.ts";
import { identityProviders, payments, userTotp } from "../../src/adapters/db/schema.ts";
import { sealedSecretRows } from "../../src/adapters/db/sealed-secret-rows.ts";
import { rotateMasterKey, UnopenableSecretsError } from "../../src/adapters/keys/rotate-master-key.ts";
import { ocspRequest } from "../../src/adapters/pki/fetch-revocation-data.ts";
import { buildRuntime, type Runtime } from "../../src/composition/deps.ts";
import { createLogger } from "../../src/composition/logger.ts";
import { loadConfig } from "../../src/config/config.ts";
import type { Institution } from "../../src/core/institutions/institutions.types.ts";
import { openFor, sealFor } from "../../src/core/payments/share-payment-intent.ts";
import type { CoreDeps } from "../../src/core/ports.ts";
import { PROVIDER_SECRET_PURPOSE } from "../../src/core/sign-on/sign-on-rules.ts";
import { answerOcspRequest } from "../../src/core/signing/answer-ocsp-request.ts";
import { oid, tlv } from "../../src/core/signing/der.ts";
import { findPortalPki } from "../../src/core/signing/ensure-portal-pki.ts";
import { issueSigningIdentity } from "../../src/core/signing/issue-signing-identity.ts";
import { OID } from "../../src/core/signing/oids.ts";
import { answerTimestampQuery } from "../../src/core/timestamping/answer-timestamp-query.ts";
import { openTotpSecret, sealTotpSecret } from "../../src/core/two-factor/totp-secret.ts";
import { makeDocument, makeDocumentType, makeLearner } from "../support/document-factories.ts";
import { makeInstitution, makeUser } from "../support/factories.ts";
import { snapshotDatabase } from "../support/snapshot-database.ts";
import { BACKENDS, createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const key = () => randomBytes(32).toString("base64");
/** A SHA-256 TimeStampReq asking for the TSA's certificate. */
const TIMESTAMP_QUERY = tlv(
  0x30,
  Uint8Array.of(0x02, 0x01, 0x01),
  tlv(0x30, tlv(0x30, oid(OID.sha256)), tlv(0x04, new Uint8Array(32).fill(9))),
  Uint8Array.of(0x01, 0x01, 0xff),
);

/** The portal's OCSP responder (delegated signer) and TSA answer, their sealed keys opening. */
async function revocationAndTimestampsWork(core: CoreDeps) {
  const pki = await findPortalPki(core);
  if (!pki) throw new Error("no portal PKI");
  const ocsp = await answerOcspRequest(
    core,
    ocspRequest(pki.issuing.certificateDer, pki.root.certificateDer, new Uint8Array(16).fill(1)),
  );
  expect(pkijs.OCSPResponse.fromBER(Uint8Array.from(ocsp)).responseStatus.valueBlock.valueDec).toBe(0);
  const tsr = pkijs.TimeStampResp.fromBER(Uint8Array.from(await answerTimestampQuery(core, TIMESTAMP_QUERY)));
  expect(tsr.status.status).toBe(0);
}

describe.each(BACKENDS)("master-key rotation (%s)", (backend) => {
  const A = key();
  const B = key();
  let db: TestDatabase;
  let dataDir: string;
  const runtimes: Runtime[] = [];
  /** A process configured with these keys, on the shared test database (closing it leaves the database open). */
  const processWith = async (current: string, previous: string[] = []): Promise<CoreDeps> => {
    const config = loadConfig({
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      PUBLIC_URL: "http://localhost:3000",
      SCEAU_MASTER_KEY: current,
      SCEAU_PREVIOUS_MASTER_KEYS: previous.join(","),
    });
    const database: Database = Object.create(db.database, { close: { value: async () => {} } });
    const runtime = await buildRuntime(config, createLogger(config), {
      database,
      webRoot: null,
      shareCache: false,
    });
    runtimes.push(runtime);
    return runtime.deps.core;
  };
  const sealedKeys = async () =>
    JSON.stringify(
      (
        (await db.database.db.execute(
          sql.raw(
            "select id::text, encode(sealed_key, 'hex') k from portal_authorities union all select id::text, encode(sealed_key, 'hex') from signing_identities union all select id::text, encode(sealed_key, 'hex') from ocsp_signers order by 1",
          ),
        )) as unknown as { rows: unknown[] }
      ).rows,
    );

  let underA: CoreDeps;
  let institution: Institution;
  let userId: string;
  let paymentId: string;
  let firstDocument: { sha256: string; bytes: Uint8Array };
  const TOTP_SECRET = "JBSWY3DPEHPK3PXP";

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "sceau-rotate-"));
    db = await createTestDatabase(backend);
    underA = await processWith(A);
    institution = await makeInstitution(underA);
    const learner = await makeLearner(underA, institution);
    const type = await makeDocumentType(underA, institution);
    // Portal CAs, the institution's signing identity, its data key and a stored file, all under A.
    const made = await makeDocument(underA, institution, { learner, type });
    firstDocument = { sha256: made.document.sha256, bytes: made.bytes };
    // The root's delegated OCSP signer and the built-in TSA, their keys sealed under A too.
    await revocationAndTimestampsWork(underA);
    const user = await makeUser(underA);
    userId = user.user.id;
    await db.database.db
      .insert(userTotp)
      .values({ userId, sealedSecret: sealTotpSecret(underA, userId, TOTP_SECRET) });
    await db.database.db.insert(identityProviders).values({
      key: "google",
      protocol: "oidc",
      nameFr: "Google",
      nameEn: "Google",
      sealedSecret: underA.secretBox.seal(PROVIDER_SECRET_PURPOSE, "client-secret-a"),
    });
    paymentId = underA.newId();
    await db.database.db.insert(payments).values({
      id: paymentId,
      userId,
      institutionId: institution.id,
      documentId: made.document.id,
      purpose: "share",
      amountCents: 500,
      currency: "CAD",
      gateway: "development",
      expiresAt: new Date(Date.now() + 3_600_000),
      intent: {
        share: {},
        sealedPasscode: sealFor(underA.secretBox, userId, "passcode", "pass-a"),
        sealedLink: sealFor(underA.secretBox, paymentId, "link", "https://example.test/s/a"),
      },
    });
  }, 180_000);

  afterAll(async () => {
    for (const r of runtimes) await r.close();
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const expectEverythingOpens = async (core: CoreDeps) => {
    expect(await core.blobs.get(institution.id, firstDocument.sha256)).toEqual(firstDocument.bytes);
    const [totp] = await db.database.db.select().from(userTotp).where(eq(userTotp.userId, userId));
    expect(openTotpSecret(core, userId, totp?.sealedSecret ?? new Uint8Array())).toBe(TOTP_SECRET);
    const [idp] = await db.database.db
      .select()
      .from(identityProviders)
      .where(eq(identityProviders.key, "google"));
    expect(core.secretBox.open(PROVIDER_SECRET_PURPOSE, idp?.sealedSecret ?? new Uint8Array())).toBe(
      "client-secret-a",
    );
    const [payment] = await db.database.db.select().from(payments).where(eq(payments.id, paymentId));
    const intent = payment?.intent as { sealedPasscode: string; sealedLink: string };
    expect(openFor(core.secretBox, userId, "passcode", intent.sealedPasscode)).toBe("pass-a");
    expect(openFor(core.secretBox, paymentId, "link", intent.sealedLink)).toBe("https://example.test/s/a");
    await revocationAndTimestampsWork(core);
  };

  it("refuses, changing nothing, when a secret opens with none of the configured keys", async () => {
    const before = (await snapshotDatabase(db.database)) + (await sealedKeys());
    const rotation = rotateMasterKey(
      sealedSecretRows(db.database.db),
      [Buffer.from(B, "base64"), randomBytes(32)],
      {
        dryRun: false,
      },
    );
    await expect(rotation).rejects.toBeInstanceOf(UnopenableSecretsError);
    await rotation.catch((e: UnopenableSecretsError) =>
      expect(new Set(e.rows.map((r) => r.kind))).toEqual(
        new Set([
          "portal-authorities",
          "ocsp-signers",
          "signing-identities",
          "institution-data-keys",
          "sign-on-secrets",
          "totp-secrets",
          "share-payment-passcodes",
          "share-payment-links",
        ]),
      ),
    );
    expect((await snapshotDatabase(db.database)) + (await sealedKeys())).toBe(before);
  });

  it("dry run counts every kind and changes nothing", async () => {
    const before = (await snapshotDatabase(db.database)) + (await sealedKeys());
    const counts = await rotateMasterKey(
      sealedSecretRows(db.database.db),
      [Buffer.from(B, "base64"), Buffer.from(A, "base64")],
      {
        dryRun: true,
      },
    );
    expect(Object.fromEntries(counts.map((c) => [c.kind, c.rewrapped]))).toEqual({
      "portal-authorities": 3,
      "ocsp-signers": 1,
      "signing-identities": 1,
      "institution-data-keys": 1,
      "sign-on-secrets": 1,
      "totp-secrets": 1,
      "share-payment-passcodes": 1,
      "share-payment-links": 1,
    });
    expect((await snapshotDatabase(db.database)) + (await sealedKeys())).toBe(before);
  });

  it("re-seals everything under the new key while a process with new+previous keeps working; then a rerun is a no-op", async () => {
    const during = await processWith(B, [A]);
    await expectEverythingOpens(during);
    const keys = [Buffer.from(B, "base64"), Buffer.from(A, "base64")];
    const counts = await rotateMasterKey(sealedSecretRows(db.database.db), keys, {
      dryRun: false,
      batchSize: 1,
    });
    expect(counts.every((c) => c.current === 0 && c.hardware === 0)).toBe(true);
    expect(counts.reduce((n, c) => n + c.rewrapped, 0)).toBe(10);
    // The process started before the rotation still opens (and signs) after it.
    await expectEverythingOpens(during);
    const learner = await makeLearner(during, institution);
    const type = await makeDocumentType(during, institution);
    await makeDocument(during, institution, { learner, type });

    // A process with the new key alone: every secret opens, it signs, and the portal CA issues.
    const onlyB = await processWith(B);
    await expectEverythingOpens(onlyB);
    await makeDocument(onlyB, institution, { learner, type });
    await issueSigningIdentity(onlyB, institution, "ECDSA-P256");
    await makeDocument(onlyB, institution, { learner, type });

    const before = (await snapshotDatabase(db.database)) + (await sealedKeys());
    const again = await rotateMasterKey(sealedSecretRows(db.database.db), keys, { dryRun: false });
    expect(again.every((c) => c.rewrapped === 0)).toBe(true);
    expect(again.find((c) => c.kind === "portal-authorities")?.current).toBe(3);
    expect((await snapshotDatabase(db.database)) + (await sealedKeys())).toBe(before);

    // The old key alone no longer opens anything.
    const onlyA = await processWith(A);
    await expect(onlyA.blobs.get(institution.id, firstDocument.sha256)).rejects.toThrow();
  }, 180_000);
});

describe("sceau keys rotate-master (command line)", () => {
  const run = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [fileURLToPath(new URL("../../bin/sceau", import.meta.url)), ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        LOG_LEVEL: "error",
        DATA_DIR: join(tmpdir(), "sceau-rotate-cli"),
        ...env,
      },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("explains the procedure in --help", () => {
    const res = run({}, "keys", "rotate-master", "--help");
    expect(res.status).toBe(0);
    expect(res.stdout).toContain("--dry-run");
    expect(res.stdout).toContain("SCEAU_PREVIOUS_MASTER_KEYS");
  });

  it("refuses with exit 2, in both languages, when no previous key is configured", () => {
    const res = run({ SCEAU_MASTER_KEY: key() }, "keys", "rotate-master");
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("no previous master key");
    expect(res.stderr).toContain("aucune ancienne clé maîtresse");
  });
});
