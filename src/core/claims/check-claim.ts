import { DomainError } from "../errors.ts";
import { normalizeCode } from "../learner-invitations/access-code.ts";
import type { LearnerInvitationRecord } from "../learner-invitations/learner-invitations.ports.ts";
import type { CoreDeps } from "../ports.ts";
import { CLAIM_TOKEN_MS, CLAIM_TOKEN_PURPOSE, codeBinding, MAX_CLAIM_FAILURES } from "./claim-rules.ts";
import type { ClaimPreview } from "./claims.types.ts";

/** Compared against when the code is unknown, so that both paths do the same work. */
const DECOY_HASH = "decoy-claim-password-hash-000000000000000000";

const usable = (inv: LearnerInvitationRecord | null, now: Date): inv is LearnerInvitationRecord =>
  inv !== null &&
  inv.status !== "claimed" &&
  inv.codeHash !== null &&
  inv.passwordHash !== null &&
  inv.codeExpiresAt !== null &&
  inv.codeExpiresAt > now &&
  inv.failedAttempts < MAX_CLAIM_FAILURES;

/**
 * Checks an access code and its claim password. Every failure (unknown, expired, claimed or
 * locked code, wrong password) gives the same answer, claim_invalid; a wrong password for a code
 * that exists counts against it, and after MAX_CLAIM_FAILURES the code stops working even with
 * the right password. On success: what the account step shows, and a signed claim token.
 */
export async function checkClaim(
  deps: CoreDeps,
  input: { code: string; password: string },
): Promise<ClaimPreview> {
  const now = deps.clock.now();
  const code = normalizeCode(input.code);
  const codeHash = deps.secrets.hashToken(code);
  const found = code ? await deps.stores.learnerInvitations.findByCodeHash(codeHash) : null;
  const passwordOk = deps.secrets.equal(
    found?.passwordHash ?? DECOY_HASH,
    deps.secrets.hashToken(normalizeCode(input.password)),
  );
  if (!usable(found, now) || !passwordOk) {
    if (found && found.status !== "claimed")
      await deps.stores.learnerInvitations.recordFailure(found.id, now);
    throw new DomainError("claim_invalid");
  }
  const [learner, institution, documentCount] = await Promise.all([
    deps.stores.learners.findById(found.institutionId, found.learnerId),
    deps.stores.institutions.findById(found.institutionId),
    deps.stores.wallet.countForLearner(found.learnerId),
  ]);
  if (!learner || !institution) throw new DomainError("claim_invalid");
  const expiresAt = new Date(now.getTime() + CLAIM_TOKEN_MS);
  const claimToken = deps.tokenSigner.sign(
    CLAIM_TOKEN_PURPOSE,
    { invitation: found.id, binding: codeBinding(deps.secrets.hashToken, codeHash) },
    expiresAt,
  );
  return {
    claimToken,
    claimTokenExpiresAt: expiresAt.toISOString(),
    givenName: learner.givenName,
    locale: learner.locale,
    institution: {
      slug: institution.slug,
      nameFr: institution.nameFr,
      nameEn: institution.nameEn,
      primaryColor: institution.primaryColor,
      accentColor: institution.accentColor,
      hasLogo: institution.hasLogo,
    },
    documentCount,
    email: learner.personalEmail ?? learner.institutionalEmail ?? "",
  };
}
