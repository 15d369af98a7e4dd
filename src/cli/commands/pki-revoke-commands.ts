import type { Command } from "commander";
import { ERROR_MESSAGES } from "../../core/error-messages.ts";
import { isDomainError } from "../../core/errors.ts";
import { findPortalPki } from "../../core/signing/ensure-portal-pki.ts";
import { REVOCATION_REASONS, type RevocationReason } from "../../core/signing/revocation.types.ts";
import { revokePortalAuthority } from "../../core/signing/revoke-portal-authority.ts";
import { revokeSigningIdentity } from "../../core/signing/revoke-signing-identity.ts";
import { openRuntime } from "../open-runtime.ts";
import { usageError } from "../read-inputs.ts";

const reasonOf = (reason: string | undefined): RevocationReason | null => {
  if (reason === undefined) return null;
  if (!REVOCATION_REASONS.includes(reason as RevocationReason))
    usageError(`--reason: one of ${REVOCATION_REASONS.join(", ")}`);
  return reason as RevocationReason;
};

const failed = (e: unknown) => {
  if (!isDomainError(e)) throw e;
  process.stderr.write(`${ERROR_MESSAGES[e.code].en} / ${ERROR_MESSAGES[e.code].fr}\n`);
  process.exitCode = 1;
};

/** `sceau pki revoke` and `sceau pki revoke-ca`: the change shows up at once in the CRLs and OCSP answers. */
export function pkiRevokeCommands(pki: Command) {
  pki
    .command("revoke")
    .description(
      "revoke an institution's signing certificate (the active one, or --serial): listed in its CA's CRL and answered revoked by OCSP",
    )
    .requiredOption("--institution <slug>", "the institution")
    .option("--serial <hex>", "the certificate's serial number (default: the active one)")
    .option("--reason <reason>", `RFC 5280 reason: ${REVOCATION_REASONS.join(", ")}`)
    .action(async (opts: { institution: string; serial?: string; reason?: string }) => {
      const reason = reasonOf(opts.reason);
      if (opts.serial !== undefined && !/^[0-9a-fA-F]{1,64}$/.test(opts.serial))
        usageError("--serial: a hexadecimal serial number");
      const { runtime } = await openRuntime();
      try {
        const inst = await runtime.deps.core.stores.institutions.findBySlug(opts.institution);
        if (!inst) usageError(`unknown institution: ${opts.institution}`);
        const revoked = await revokeSigningIdentity(runtime.deps.core, inst, {
          ...(opts.serial ? { serialNumber: opts.serial } : {}),
          reason,
        });
        process.stdout.write(`${opts.institution}: signing certificate ${revoked.serialNumber} revoked\n`);
      } catch (e) {
        failed(e);
      } finally {
        await runtime.close();
      }
    });

  pki
    .command("revoke-ca")
    .description(
      "revoke a portal issuing CA (default: the current one): listed in the root's CRL; OCSP answers every certificate it issued revoked",
    )
    .option("--key-id <hex>", "the CA's key id (SHA-1 of its public key, as in /pki/ca/<key id>.crl)")
    .option("--reason <reason>", `RFC 5280 reason: ${REVOCATION_REASONS.join(", ")}`)
    .action(async (opts: { keyId?: string; reason?: string }) => {
      const reason = reasonOf(opts.reason);
      const { runtime } = await openRuntime();
      try {
        const core = runtime.deps.core;
        const issuing = (await findPortalPki(core))?.issuing;
        const keyId = opts.keyId ?? (issuing ? core.revocation.describe(issuing.certificateDer).keyId : null);
        if (!keyId) usageError("the portal has no issuing CA");
        await revokePortalAuthority(core, { keyId, reason });
        process.stdout.write(`issuing CA ${keyId.toLowerCase()} revoked\n`);
      } catch (e) {
        failed(e);
      } finally {
        await runtime.close();
      }
    });
}
