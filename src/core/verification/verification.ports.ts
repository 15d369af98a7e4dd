import type { VerificationContext } from "./verification.types.ts";

/** The faster primitives and caches the verifier uses, and the roots configured beside the portal's. */
export interface VerifierRuntime extends Pick<VerificationContext, "crypto" | "inflate" | "cache"> {
  extraTrustAnchorsDer: Uint8Array[];
}
