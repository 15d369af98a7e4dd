import type { Actor } from "../accounts/actor.ts";
import { byActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import { PORTAL_BRAND, renderEmail } from "../mail/render-email.ts";
import type { CoreDeps } from "../ports.ts";

/** Without a password (an account that signs in through a provider), the session must be this recent. */
const RECENT_SIGN_IN_MS = 10 * 60 * 1000;

/**
 * Closes the user's own account, after the password (or, for an account without one, a sign-in
 * in the last 10 minutes). In one transaction (AccountDataStore.close): status `closed`; every
 * session revoked; learner records unlinked (`learners.user_id` null: the documents stay in the
 * institution's registry and the institution can invite the person again); secondary emails,
 * linked accounts, TOTP and recovery codes deleted; the email replaced by a tombstone, the name
 * and password cleared, so signing in afterwards fails exactly like a wrong password and the
 * address can make a new account.
 *
 * What stays: the user row (id, status, dates, locale) so that the audit trail's references hold,
 * and the audit trail itself (append-only; its events keep the email as their actor label).
 *
 * Shares: every share row of the user is revoked (shares.revoked_at) in the same transaction, so
 * links and grants stop working the moment the account closes. The sharing use cases do not exist
 * yet: when they land, their share events (and any notice to recipients) belong here too.
 *
 * Staff and operators are refused (account_has_roles): their institution removes the role first.
 * A confirmation email goes to the address the account had.
 */
export async function closeAccount(
  deps: CoreDeps,
  actor: Actor,
  input: { password?: string | undefined },
): Promise<void> {
  const user = actor.user;
  if (actor.memberships.length > 0) throw new DomainError("account_has_roles");
  const now = deps.clock.now();
  if (user.passwordHash) {
    if (input.password === undefined || !(await deps.passwords.verify(user.passwordHash, input.password)))
      throw new DomainError("password_incorrect");
  } else {
    const session = (await deps.stores.sessions.listLive(user.id, now)).find((s) => s.id === actor.sessionId);
    if (!session || now.getTime() - session.createdAt.getTime() > RECENT_SIGN_IN_MS)
      throw new DomainError("password_incorrect");
  }
  await deps.transact(async (stores) => {
    await stores.accountData.close(user.id, `closed-${user.id}@closed.invalid`, now);
    await recordAudit(deps, stores, byActor(actor), {
      institutionId: null,
      action: "account.closed",
      targetType: "user",
      targetId: user.id,
    });
  });
  deps.shareCache.forget();
  const message = renderEmail(user.email, user.locale, PORTAL_BRAND, {
    subject: { fr: "Votre compte Sceau est fermé", en: "Your Sceau account is closed" },
    paragraphs: [
      { fr: `Bonjour ${user.displayName},`, en: `Hello ${user.displayName},` },
      {
        fr: "Votre compte Sceau est fermé, comme vous l'avez demandé. Vos sessions sont terminées et vos renseignements personnels sont effacés. Vos documents demeurent au registre de l'établissement qui les a délivrés : il peut vous inviter de nouveau à les réclamer.",
        en: "Your Sceau account is closed, as you asked. Your sessions are ended and your personal information is erased. Your documents remain in the registry of the institution that issued them: it can invite you to claim them again.",
      },
    ],
    footnote: {
      fr: "Vous n'avez pas demandé cette fermeture? Communiquez sans tarder avec l'établissement qui vous a délivré vos documents.",
      en: "You did not ask for this? Contact the institution that issued your documents without delay.",
    },
  });
  deps.background("account-closed-email", () => deps.mailer.send(message));
}
