import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { pemToDer } from "../../adapters/db/pem.ts";
import { ERROR_MESSAGES } from "../../core/error-messages.ts";
import { isDomainError } from "../../core/errors.ts";
import type { Institution } from "../../core/institutions/institutions.types.ts";
import { activateHardwareKey } from "../../core/signing/activate-hardware-key.ts";
import { formatHardwareKeyReference } from "../../core/signing/hardware-key-reference.ts";
import type { HardwareKey, HardwareKeys } from "../../core/signing/hardware-keys.ts";
import type { KeyAlgorithm } from "../../core/signing/signing.types.ts";
import type { Runtime } from "../../server/deps.ts";
import { openRuntime } from "../open-runtime.ts";
import { usageError } from "../read-inputs.ts";

const ALGORITHMS: KeyAlgorithm[] = ["RSA-2048", "RSA-3072", "ECDSA-P256"];

/** `sceau pki hsm …`: institution signing keys on the PKCS#11 token (SIGNING_KEYS=pkcs11). */
export function pkiHsmCommands(pki: Command) {
  const hsm = pki
    .command("hsm")
    .description(
      "signing keys on the hardware security module (PKCS#11; needs SIGNING_KEYS=pkcs11 and the PKCS11_* settings)",
    );

  hsm
    .command("generate")
    .description(
      "generate a key pair on the token for an institution (not used until certified or installed)",
    )
    .requiredOption("--institution <slug>", "the institution (named in the key's label)")
    .option("--algorithm <alg>", `key algorithm: ${ALGORITHMS.join(", ")}`, "RSA-2048")
    .action(async (opts: { institution: string; algorithm: string }) => {
      if (!ALGORITHMS.includes(opts.algorithm as KeyAlgorithm))
        usageError(`--algorithm: one of ${ALGORITHMS.join(", ")}`);
      await withHsm(opts.institution, async (keys, inst) => {
        const key = await keys.generate(
          opts.algorithm as KeyAlgorithm,
          `Sceau ${inst.slug} ${new Date().toISOString()}`,
        );
        process.stdout.write(`${inst.slug}: ${key.algorithm} key ${key.id} generated: ${uri(key)}\n`);
      });
    });

  hsm
    .command("list")
    .description("list the signing key pairs on the token: id, algorithm, label")
    .action(async () => {
      await withHsm(null, async (keys) => {
        for (const key of await keys.list())
          process.stdout.write(`${key.id}  ${key.algorithm}  ${key.label}\n`);
      });
    });

  hsm
    .command("csr")
    .description("write a certificate signing request (PKCS#10, PEM) for a key, signed on the token")
    .requiredOption("--institution <slug>", "the institution (the request's subject)")
    .requiredOption("--key <id>", "the key's id (hex, as `hsm list` prints it) or its pkcs11: URI")
    .requiredOption("-o, --out <request.pem>", "output file")
    .action(async (opts: { institution: string; key: string; out: string }) => {
      await withHsm(opts.institution, async (keys, inst) => {
        const key = await findKey(keys, opts.key);
        const der = await keys.certificateRequest(key, {
          institutionName: inst.nameFr,
          organization: inst.nameEn,
          country: "CA",
        });
        const b64 = Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n").replace(/\n$/, "");
        await writeFile(
          opts.out,
          `-----BEGIN CERTIFICATE REQUEST-----\n${b64}\n-----END CERTIFICATE REQUEST-----\n`,
        );
        process.stdout.write(`${inst.slug}: certificate request for key ${key.id} written to ${opts.out}\n`);
      });
    });

  hsm
    .command("certify")
    .description(
      "issue the portal CA's certificate for a key on the token and make it the institution's signing identity",
    )
    .requiredOption("--institution <slug>", "the institution")
    .requiredOption("--key <id>", "the key's id (hex) or its pkcs11: URI")
    .action(async (opts: { institution: string; key: string }) => {
      await withHsm(opts.institution, async (keys, inst, runtime) => {
        const identity = await activateHardwareKey(runtime.deps.core, keys, inst, { key: opts.key });
        process.stdout.write(
          `${inst.slug}: new signing certificate ${identity.serialNumber} (key ${opts.key})\n`,
        );
      });
    });

  hsm
    .command("install")
    .description(
      "make a certificate another CA issued for a key on the token (answer to `hsm csr`) the institution's signing identity",
    )
    .requiredOption("--institution <slug>", "the institution")
    .requiredOption("--key <id>", "the key's id (hex) or its pkcs11: URI")
    .requiredOption("--chain <chain.pem>", "the certificate, then its issuing CAs (PEM)")
    .action(async (opts: { institution: string; key: string; chain: string }) => {
      let chainDer: Uint8Array[] = [];
      try {
        chainDer = pemToDer(await readFile(opts.chain, "utf8"));
      } catch (e) {
        usageError((e as Error).message);
      }
      if (chainDer.length === 0) usageError(`${opts.chain}: no certificate`);
      await withHsm(opts.institution, async (keys, inst, runtime) => {
        const identity = await activateHardwareKey(runtime.deps.core, keys, inst, {
          key: opts.key,
          chainDer,
        });
        process.stdout.write(
          `${inst.slug}: signing certificate ${identity.serialNumber} installed (key ${opts.key})\n`,
        );
      });
    });
}

const uri = (key: HardwareKey) => formatHardwareKeyReference(key);

async function findKey(keys: HardwareKeys, idOrUri: string): Promise<HardwareKey> {
  const key = await keys.find(idOrUri);
  if (!key) throw new Error(`no signing key ${idOrUri} on the token`);
  return key;
}

/** Opens the runtime, checks the HSM is configured and the institution exists, runs `fn`; errors exit 1. */
async function withHsm(
  slug: string | null,
  fn: (keys: HardwareKeys, institution: Institution, runtime: Runtime) => Promise<void>,
): Promise<void> {
  const { runtime } = await openRuntime();
  try {
    const keys = runtime.hardwareKeys;
    if (!keys)
      usageError(
        "no HSM configured: set SIGNING_KEYS=pkcs11, PKCS11_MODULE, PKCS11_TOKEN_LABEL (or PKCS11_SLOT) and PKCS11_PIN_FILE (or PKCS11_PIN)",
      );
    const inst = slug === null ? null : await runtime.deps.core.stores.institutions.findBySlug(slug);
    if (slug !== null && !inst) usageError(`unknown institution: ${slug}`);
    await fn(keys, inst as Institution, runtime);
  } catch (e) {
    const message = isDomainError(e)
      ? e.code === "not_found"
        ? "no such signing key on the token / aucune clé de signature de ce nom sur le jeton"
        : `${ERROR_MESSAGES[e.code].en} / ${ERROR_MESSAGES[e.code].fr}`
      : (e as Error).message;
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  } finally {
    await runtime.close();
  }
}
