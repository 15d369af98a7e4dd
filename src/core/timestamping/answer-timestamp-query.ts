import type { CoreDeps } from "../ports.ts";
import { ensurePortalTsa } from "./ensure-portal-tsa.ts";

/**
 * Answers an RFC 3161 TimeStampReq (DER) with a TimeStampResp (DER) from the portal's built-in
 * timestamp authority, created on first use. A malformed or unacceptable request gets a
 * rejection response, not an error.
 */
export async function answerTimestampQuery(deps: CoreDeps, query: Uint8Array): Promise<Uint8Array> {
  const { pki, tsa } = await ensurePortalTsa(deps);
  return deps.timestamps.answer(tsa, [pki.issuing.certificateDer], query, deps.clock.now());
}
