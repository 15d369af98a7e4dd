import type { UserRecord } from "../accounts/accounts.ports.ts";
import { PORTAL_BRAND, renderEmail } from "../mail/render-email.ts";
import type { CoreDeps, MailMessage, Stores } from "../ports.ts";
import { ACTIVATION_TTL_MS } from "./claim-rules.ts";

/**
 * A new single-use activation link for the user (earlier ones stop working) and the email that
 * carries it. Pass the transaction's stores; send the email once the transaction has committed.
 */
export async function issueActivation(
  deps: Pick<CoreDeps, "secrets" | "clock" | "settings">,
  stores: Stores,
  user: Pick<UserRecord, "id" | "email" | "displayName" | "locale">,
): Promise<MailMessage> {
  const now = deps.clock.now();
  const token = deps.secrets.randomToken();
  await stores.tokens.voidAll(user.id, "email_verification", now);
  await stores.tokens.create({
    tokenHash: deps.secrets.hashToken(token),
    purpose: "email_verification",
    userId: user.id,
    expiresAt: new Date(now.getTime() + ACTIVATION_TTL_MS),
  });
  const url = `${deps.settings.publicUrl}/activate#token=${token}`;
  return renderEmail(user.email, user.locale, PORTAL_BRAND, {
    subject: { fr: "Activez votre compte Sceau", en: "Activate your Sceau account" },
    paragraphs: [
      { fr: `Bonjour ${user.displayName},`, en: `Hello ${user.displayName},` },
      {
        fr: "Votre compte Sceau est créé. Pour l'activer et confirmer que cette adresse est bien la vôtre, ouvrez le lien ci-dessous : vous arriverez dans votre portefeuille de documents. Le lien est valable 48 heures et ne sert qu'une fois.",
        en: "Your Sceau account has been created. To activate it and confirm that this address is yours, open the link below: you will land in your document wallet. The link is valid for 48 hours and works once.",
      },
    ],
    action: { label: { fr: "Activer mon compte", en: "Activate my account" }, url },
    footnote: {
      fr: "Vous n'avez pas créé de compte? Ignorez ce courriel : sans activation, le compte ne peut pas servir.",
      en: "You did not create an account? Ignore this email: without activation, the account cannot be used.",
    },
  });
}
