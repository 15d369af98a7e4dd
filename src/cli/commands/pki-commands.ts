import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { certificatesToPem } from "../../adapters/pki/dev-pki.ts";
import { ERROR_MESSAGES } from "../../core/error-messages.ts";
import { isDomainError } from "../../core/errors.ts";
import { ensurePortalPki } from "../../core/signing/ensure-portal-pki.ts";
import { importSigningIdentity } from "../../core/signing/import-signing-identity.ts";
import { issueSigningIdentity } from "../../core/signing/issue-signing-identity.ts";
import type { KeyAlgorithm } from "../../core/signing/signing.types.ts";
import { portalTrustAnchors } from "../../core/verification/verify-document.ts";
import { openRuntime } from "../open-runtime.ts";
import { usageError } from "../read-inputs.ts";
import { pkiHsmCommands } from "./pki-hsm-commands.ts";

const ALGORITHMS: KeyAlgorithm[] = ["RSA-2048", "RSA-3072", "ECDSA-P256"];

export function pkiCommands(program: Command) {
  const pki = program
    .command("pki")
    .description("certificates: trust anchors, institutions' signing identities");

  pki
    .command("export-roots")
    .description("write the trust anchors a third party needs to verify documents (PEM)")
    .requiredOption("-o, --out <roots.pem>", "output file")
    .action(async (opts: { out: string }) => {
      const { config, runtime } = await openRuntime();
      try {
        if (config.env !== "production") await ensurePortalPki(runtime.deps.core);
        const anchors = await portalTrustAnchors(runtime.deps.core);
        if (anchors.length === 0)
          usageError("no trust anchor: the portal has no root and TRUST_ROOTS_FILE is not set");
        await writeFile(opts.out, certificatesToPem(anchors));
        process.stdout.write(`${anchors.length} root certificate(s) written to ${opts.out}\n`);
      } finally {
        await runtime.close();
      }
    });

  pki
    .command("rotate")
    .description(
      "issue a new signing certificate for an institution from the portal's CA, with a new key (generated on the HSM when SIGNING_KEYS=pkcs11); documents signed before still verify",
    )
    .requiredOption("--institution <slug>", "the institution")
    .option("--algorithm <alg>", `key algorithm: ${ALGORITHMS.join(", ")}`, "RSA-2048")
    .action(async (opts: { institution: string; algorithm: string }) => {
      if (!ALGORITHMS.includes(opts.algorithm as KeyAlgorithm))
        usageError(`--algorithm: one of ${ALGORITHMS.join(", ")}`);
      const { runtime } = await openRuntime();
      try {
        const inst = await runtime.deps.core.stores.institutions.findBySlug(opts.institution);
        if (!inst) usageError(`unknown institution: ${opts.institution}`);
        const identity = await issueSigningIdentity(runtime.deps.core, inst, opts.algorithm as KeyAlgorithm);
        process.stdout.write(
          `${opts.institution}: new signing certificate ${identity.serialNumber} (${opts.algorithm})\n`,
        );
      } finally {
        await runtime.close();
      }
    });

  pki
    .command("import")
    .description(
      "make a PKCS#12 (certificate chain and key from a trusted CA) an institution's signing identity",
    )
    .requiredOption("--institution <slug>", "the institution")
    .requiredOption("--p12 <file>", "the PKCS#12 file")
    .requiredOption("--password-file <file>", "a file holding the PKCS#12 password")
    .action(async (opts: { institution: string; p12: string; passwordFile: string }) => {
      let p12: Buffer;
      let password: string;
      try {
        p12 = await readFile(opts.p12);
        password = (await readFile(opts.passwordFile, "utf8")).replace(/\r?\n$/, "");
      } catch (e) {
        usageError((e as Error).message);
      }
      const { runtime } = await openRuntime();
      try {
        const inst = await runtime.deps.core.stores.institutions.findBySlug(opts.institution);
        if (!inst) usageError(`unknown institution: ${opts.institution}`);
        const identity = await importSigningIdentity(runtime.deps.core, inst, p12, password);
        process.stdout.write(`${opts.institution}: signing certificate ${identity.serialNumber} imported\n`);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        process.stderr.write(`${ERROR_MESSAGES[e.code].en} / ${ERROR_MESSAGES[e.code].fr}\n`);
        process.exitCode = 1;
      } finally {
        await runtime.close();
      }
    });

  pkiHsmCommands(pki);
}
