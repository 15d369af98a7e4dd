import type { CoreDeps } from "../ports.ts";
import { ensurePortalPki, type PortalPki } from "../signing/ensure-portal-pki.ts";
import type { PortalAuthorityRecord } from "../signing/signing.ports.ts";

/**
 * A TSA certificate closer than this to its expiry is replaced by a new one: longer than the
 * default archive renewal margin (365 days), so a renewed archive timestamp always reaches further.
 */
export const TSA_RENEW_BEFORE_DAYS = 400;
const RENEW_BEFORE_MS = TSA_RENEW_BEFORE_DAYS * 86_400_000;

export interface PortalTsa {
  pki: PortalPki;
  tsa: PortalAuthorityRecord;
}

/**
 * The portal's timestamp authority (kind "tsa" among the portal authorities), created with its
 * sealed key on first use, and again when the newest one is within 400 days of its expiry.
 */
export async function ensurePortalTsa(deps: CoreDeps): Promise<PortalTsa> {
  const pki = await ensurePortalPki(deps);
  const now = deps.clock.now();
  const found = await findUsableTsa(deps, now);
  if (found) return { pki, tsa: found };
  const made = await deps.timestamps.createTimestampAuthority(pki, now);
  return deps.transact(async (stores) => {
    const again = await findUsableTsa({ ...deps, stores }, now);
    if (again) return { pki, tsa: again };
    const [certificateDer] = made.chainDer;
    if (!certificateDer) throw new Error("createTimestampAuthority returned no certificate");
    const tsa = await stores.authorities.add({ kind: "tsa", certificateDer, sealedKey: made.sealedKey });
    return { pki, tsa };
  });
}

async function findUsableTsa(
  deps: Pick<CoreDeps, "stores" | "timestamps">,
  now: Date,
): Promise<PortalAuthorityRecord | null> {
  const newest = (await deps.stores.authorities.list()).filter((a) => a.kind === "tsa").at(-1);
  if (!newest) return null;
  const notAfter = deps.timestamps.certificateNotAfter(newest.certificateDer);
  return notAfter.getTime() - now.getTime() < RENEW_BEFORE_MS ? null : newest;
}
