import type { CoreDeps } from "../ports.ts";
import { certifiedAuthorities } from "./certified-authorities.ts";
import type { OcspCertStatus } from "./revocation.ports.ts";
import type { PortalAuthorityRecord } from "./signing.ports.ts";

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

const normalize = (serial: string) => serial.toLowerCase().replace(/^0+(?=.)/, "");

/**
 * The status of the certificate with this serial number issued by this portal CA: a root issued
 * the issuing CAs, an issuing CA the institutions' signing certificates and the built-in TSA's. A certificate the CA never
 * issued is unknown; every certificate of a revoked CA is revoked (cACompromise) from then on.
 */
export async function certificateStatus(
  deps: Pick<CoreDeps, "stores" | "revocation">,
  ca: PortalAuthorityRecord,
  serialNumber: string,
): Promise<OcspCertStatus> {
  const serial = normalize(serialNumber);
  const own = await ownStatus(deps, ca, serial);
  if (own.status === "unknown" || !ca.revokedAt) return own;
  if (own.status === "revoked" && own.revokedAt <= ca.revokedAt) return own;
  return { status: "revoked", revokedAt: ca.revokedAt, reason: "cACompromise" };
}

async function ownStatus(
  deps: Pick<CoreDeps, "stores" | "revocation">,
  ca: PortalAuthorityRecord,
  serial: string,
): Promise<OcspCertStatus> {
  const issued = (await certifiedAuthorities(deps, ca)).find((a) => a.serialNumber === serial)?.authority;
  if (issued)
    return issued.revokedAt
      ? { status: "revoked", revokedAt: issued.revokedAt, reason: issued.revocationReason }
      : { status: "good" };
  if (ca.kind !== "issuing") return { status: "unknown" };
  const identity = (await deps.stores.signingIdentities.findBySerialNumber(serial)).find((i) =>
    sameBytes(i.chainDer[1], ca.certificateDer),
  );
  if (!identity) return { status: "unknown" };
  return identity.revokedAt
    ? { status: "revoked", revokedAt: identity.revokedAt, reason: identity.revocationReason }
    : { status: "good" };
}
