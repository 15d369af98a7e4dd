import type { Actor } from "../accounts/actor.ts";
import type { CoreDeps } from "../ports.ts";
import { describeDocument } from "./describe-document.ts";
import type { DocumentDetail } from "./documents.types.ts";
import { findStaffDocument } from "./find-staff-document.ts";

/** One document of the institution's registry with its learner, type and replacement links (staff). */
export async function getDocument(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  id: string,
): Promise<DocumentDetail> {
  const { document } = await findStaffDocument(deps, actor, "documents.read", slug, id);
  return describeDocument(deps.stores, document);
}
