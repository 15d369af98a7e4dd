import { isFinalFailure, type JobHandler } from "../jobs/job-handler.ts";
import { ACCESS_CODE_DAYS, ACCESS_CODE_LENGTH, CLAIM_PASSWORD_LENGTH } from "./access-code.ts";
import { accessCodeEmail, claimPasswordEmail } from "./learner-emails.ts";

const DAY_MS = 86_400_000;

/**
 * Job: gives the learner a fresh access code and claim password (only their hashes are stored;
 * any earlier code stops working) and sends them in two emails. A send that fails is retried with
 * new secrets; after the last attempt the invitation shows as failed to staff, who can resend it.
 */
export const sendLearnerInvitation: JobHandler = async (deps, { job }) => {
  const { stores, secrets, clock } = deps;
  const invitation = await stores.learnerInvitations.findById(String(job.payload.invitationId));
  if (!invitation || invitation.status === "claimed") return;
  const [learner, institution] = await Promise.all([
    stores.learners.findById(invitation.institutionId, invitation.learnerId),
    stores.institutions.findById(invitation.institutionId),
  ]);
  if (!learner || !institution) return;
  const now = clock.now();
  const to = learner.personalEmail ?? learner.institutionalEmail;
  if (!to) {
    await stores.learnerInvitations.markFailed(invitation.id, "The learner has no email address.", now);
    return;
  }
  const code = secrets.randomCode(ACCESS_CODE_LENGTH);
  const password = secrets.randomCode(CLAIM_PASSWORD_LENGTH);
  const expiresAt = new Date(now.getTime() + ACCESS_CODE_DAYS * DAY_MS);
  const marked = await stores.learnerInvitations.markSent(
    invitation.id,
    { codeHash: secrets.hashToken(code), passwordHash: secrets.hashToken(password), expiresAt },
    now,
  );
  // Claimed meanwhile (the institution's sign-on, say): no code to send any more.
  if (!marked) return;
  const common = {
    to,
    locale: learner.locale,
    givenName: learner.givenName,
    institution,
    publicUrl: deps.settings.publicUrl,
  };
  try {
    await deps.mailer.send(accessCodeEmail({ ...common, code, expiresAt }));
    await deps.mailer.send(claimPasswordEmail({ ...common, password }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isFinalFailure(job, error))
      await stores.learnerInvitations.markFailed(invitation.id, message, clock.now());
    else await stores.learnerInvitations.requeue(invitation.id, clock.now(), { unlessClaimed: true });
    throw error;
  }
};
