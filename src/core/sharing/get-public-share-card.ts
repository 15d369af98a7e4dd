import type { CoreDeps } from "../ports.ts";
import { findShareByToken, learnerNameOf, unavailableReason } from "./find-live-share.ts";
import { isDiplomaType } from "./share-rules.ts";
import type { PublicShareCard } from "./sharing.types.ts";

/**
 * What a live public share's page tells social networks: the learner's name, the institution and
 * the type, nothing of the documents' contents. Null for any other link (no tags, nothing
 * recorded: crawlers do not count as views).
 */
export async function getPublicShareCard(deps: CoreDeps, token: string): Promise<PublicShareCard | null> {
  const found = await findShareByToken(deps, token, { cached: true });
  if (found?.share.channel !== "public" || unavailableReason(found.share, deps.clock.now())) return null;
  const first = found.documents[0];
  if (!first) return null;
  const diploma = found.documents.find((d) => isDiplomaType(d.documentType));
  const main = diploma ?? first;
  return {
    learnerName: learnerNameOf(found),
    institution: { nameFr: main.institution.nameFr, nameEn: main.institution.nameEn },
    documentType: main.documentType
      ? { nameFr: main.documentType.nameFr, nameEn: main.documentType.nameEn }
      : null,
    isDiploma: diploma !== undefined,
    issueDate: main.issueDate,
    documentCount: found.documents.length,
  };
}
