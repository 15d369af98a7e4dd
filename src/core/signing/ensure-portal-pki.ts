import type { CoreDeps } from "../ports.ts";
import type { PortalAuthorityRecord } from "./signing.ports.ts";

export interface PortalPki {
  root: PortalAuthorityRecord;
  issuing: PortalAuthorityRecord;
}

/** The portal's root and issuing CAs, created (keys sealed) on first use. Idempotent. */
export async function ensurePortalPki(deps: CoreDeps): Promise<PortalPki> {
  const found = await findPortalPki(deps);
  if (found) return found;
  const made = await deps.keys.createPortalAuthorities();
  return deps.transact(async (stores) => {
    const again = await findPortalPki({ stores });
    if (again) return again;
    const [rootDer] = made.root.chainDer;
    const [issuingDer] = made.issuing.chainDer;
    if (!rootDer || !issuingDer) throw new Error("createPortalAuthorities returned no certificate");
    const root = await stores.authorities.add({
      kind: "root",
      certificateDer: rootDer,
      sealedKey: made.root.sealedKey,
    });
    const issuing = await stores.authorities.add({
      kind: "issuing",
      certificateDer: issuingDer,
      sealedKey: made.issuing.sealedKey,
    });
    return { root, issuing };
  });
}

/** The newest root and issuing CA, or null before the PKI exists. */
export async function findPortalPki(deps: Pick<CoreDeps, "stores">): Promise<PortalPki | null> {
  const all = await deps.stores.authorities.list();
  const root = all.filter((a) => a.kind === "root").at(-1);
  const issuing = all.filter((a) => a.kind === "issuing").at(-1);
  return root && issuing ? { root, issuing } : null;
}
