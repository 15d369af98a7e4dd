import { checkInvitee } from "../accounts/check-invitee.ts";
import { finishSignIn, type SignInOutcome } from "../accounts/finish-sign-in.ts";
import type { ClientInfo } from "../accounts/start-session.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Locale } from "../i18n.types.ts";
import type { CoreDeps } from "../ports.ts";
import { findOpenInvitation } from "./lookup-invitation.ts";

export interface AcceptInvitationInput extends ClientInfo {
  token: string;
  displayName: string;
  password: string;
  locale: Locale;
}

/**
 * Accepts an invitation: a new account with the chosen password (its email is verified by the
 * link), or, when the email already has an account, that account after checking its password.
 * The membership, the invitation's use and the new session land together or not at all; an
 * account with two-step verification gets the code step instead of a session (finishSignIn).
 */
export async function acceptInvitation(deps: CoreDeps, input: AcceptInvitationInput): Promise<SignInOutcome> {
  const { invitation } = await findOpenInvitation(deps, input.token);
  const { existing, newHash } = await checkInvitee(deps, invitation.email, input);
  const now = deps.clock.now();
  return deps.transact(async (stores) => {
    if (!(await stores.invitations.accept(invitation.id, now))) throw new DomainError("invitation_invalid");
    const user =
      existing ??
      (await stores.users.create({
        email: invitation.email,
        displayName: input.displayName.trim(),
        locale: input.locale,
        passwordHash: newHash,
        emailVerifiedAt: now,
      }));
    const memberships = await stores.memberships.listForUsers([user.id]);
    if (!memberships.some((m) => m.institutionId === invitation.institutionId)) {
      memberships.push(
        await stores.memberships.add({
          userId: user.id,
          role: invitation.role,
          institutionId: invitation.institutionId,
          organizationId: null,
        }),
      );
    }
    await recordAudit(
      deps,
      stores,
      { actorUserId: user.id, actorLabel: user.email, ip: input.ip },
      {
        institutionId: invitation.institutionId,
        action: "staff.joined",
        targetType: "user",
        targetId: user.id,
        details: { role: invitation.role, invitationId: invitation.id },
      },
    );
    return finishSignIn(deps, user, input, stores);
  });
}
