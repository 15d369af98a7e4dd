import { PORTAL_BRAND, renderEmail } from "../mail/render-email.ts";
import type { CoreDeps } from "../ports.ts";

export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * Emails a single-use reset link when an active account can be reached at this address: its
 * primary address or a confirmed secondary one; the link goes to the address asked for. The
 * caller learns nothing: the look-up, the link and the email all happen after the answer (in the
 * background), so the answer and its timing are the same whether or not the account exists.
 */
export async function requestPasswordReset(deps: CoreDeps, input: { email: string }): Promise<void> {
  deps.background("password-reset", () => sendPasswordReset(deps, input.email.trim()));
}

async function sendPasswordReset(deps: CoreDeps, email: string): Promise<void> {
  const user = await deps.stores.users.findByAnyVerifiedEmail(email);
  if (user?.status !== "active") return;
  const now = deps.clock.now();
  const token = deps.secrets.randomToken();
  await deps.transact(async (stores) => {
    await stores.tokens.voidAll(user.id, "password_reset", now);
    await stores.tokens.create({
      tokenHash: deps.secrets.hashToken(token),
      purpose: "password_reset",
      userId: user.id,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    });
  });
  const url = `${deps.settings.publicUrl}/reset-password#token=${token}`;
  const message = renderEmail(email, user.locale, PORTAL_BRAND, {
    subject: { fr: "Réinitialiser votre mot de passe", en: "Reset your password" },
    paragraphs: [
      { fr: `Bonjour ${user.displayName},`, en: `Hello ${user.displayName},` },
      {
        fr: "Nous avons reçu une demande de réinitialisation du mot de passe de votre compte Sceau. Le lien ci-dessous est valable une heure et ne peut servir qu'une fois.",
        en: "We received a request to reset the password of your Sceau account. The link below is valid for one hour and can be used once.",
      },
    ],
    action: { label: { fr: "Choisir un nouveau mot de passe", en: "Choose a new password" }, url },
    footnote: {
      fr: "Si vous n'avez rien demandé, ignorez ce courriel : votre mot de passe reste inchangé.",
      en: "If you did not ask for this, ignore this email: your password stays the same.",
    },
  });
  await deps.mailer.send(message);
}
