import { PORTAL_BRAND, renderEmail } from "../mail/render-email.ts";
import type { CoreDeps, MailMessage, Stores } from "../ports.ts";
import type { UserEmailRecord, UserRecord } from "./accounts.ports.ts";

/** How long the link confirming a secondary address works. */
export const EMAIL_CONFIRMATION_TTL_MS = 24 * 3600 * 1000;

/**
 * A single-use link confirming a secondary address, and the email carrying it (to that address).
 * The token is `<row id>.<random>`; only its hash is stored (one_time_tokens, purpose
 * email_addition), so the row it confirms cannot be swapped without breaking the hash. Pass the
 * transaction's stores; send the email once the transaction has committed.
 */
export async function issueEmailConfirmation(
  deps: Pick<CoreDeps, "secrets" | "clock" | "settings">,
  stores: Stores,
  user: Pick<UserRecord, "id" | "displayName" | "locale">,
  row: Pick<UserEmailRecord, "id" | "email">,
): Promise<MailMessage> {
  const token = `${row.id}.${deps.secrets.randomToken()}`;
  await stores.tokens.create({
    tokenHash: deps.secrets.hashToken(token),
    purpose: "email_addition",
    userId: user.id,
    expiresAt: new Date(deps.clock.now().getTime() + EMAIL_CONFIRMATION_TTL_MS),
  });
  const url = `${deps.settings.publicUrl}/confirm-email#token=${token}`;
  return renderEmail(row.email, user.locale, PORTAL_BRAND, {
    subject: { fr: "Confirmez cette adresse courriel", en: "Confirm this email address" },
    paragraphs: [
      { fr: `Bonjour ${user.displayName},`, en: `Hello ${user.displayName},` },
      {
        fr: `Vous avez ajouté l'adresse ${row.email} à votre compte Sceau. Ouvrez le lien ci-dessous pour confirmer qu'elle est bien la vôtre : vous pourrez ensuite vous connecter avec elle et y recevoir un lien de réinitialisation du mot de passe. Le lien est valable 24 heures et ne sert qu'une fois; il faut être connecté au compte qui l'a demandé.`,
        en: `You added the address ${row.email} to your Sceau account. Open the link below to confirm that it is yours: you will then be able to sign in with it and receive password reset links there. The link is valid for 24 hours and works once; you must be signed in to the account that asked for it.`,
      },
    ],
    action: { label: { fr: "Confirmer l'adresse", en: "Confirm the address" }, url },
    footnote: {
      fr: "Vous n'avez rien demandé? Ignorez ce courriel : sans confirmation, l'adresse ne sert à rien.",
      en: "You did not ask for this? Ignore this email: without confirmation, the address is not used.",
    },
  });
}
