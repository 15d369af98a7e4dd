import { PORTAL_BRAND, renderEmail } from "../mail/render-email.ts";
import type { CoreDeps } from "../ports.ts";
import type { Organization } from "./organizations.types.ts";

/**
 * Tells the organization (its contact email, when it has one) that a learner shared documents
 * with it. The sharing use case calls it once the share is filed in the inbox; nothing of the
 * documents themselves is in the email, only who shared and where to look.
 */
export async function notifyOrganizationOfShare(
  deps: Pick<CoreDeps, "mailer" | "settings">,
  organization: Organization,
  share: { learnerName: string; documentCount: number },
): Promise<void> {
  if (!organization.contactEmail) return;
  const n = share.documentCount;
  await deps.mailer.send(
    renderEmail(organization.contactEmail, "fr", PORTAL_BRAND, {
      subject: {
        fr: `Documents reçus : ${share.learnerName}`,
        en: `Documents received: ${share.learnerName}`,
      },
      paragraphs: [
        { fr: "Bonjour,", en: "Hello," },
        {
          fr: `${share.learnerName} a partagé ${n} document${n > 1 ? "s" : ""} certifié${n > 1 ? "s" : ""} avec ${organization.nameFr} sur Sceau.`,
          en: `${share.learnerName} shared ${n} certified document${n > 1 ? "s" : ""} with ${organization.nameEn} on Sceau.`,
        },
        {
          fr: "Les membres de votre organisation les trouvent dans sa boîte de réception, avec leur vérification.",
          en: "Your organization's staff will find them in its inbox, with their verification.",
        },
      ],
      action: {
        label: { fr: "Ouvrir la boîte de réception", en: "Open the inbox" },
        url: `${deps.settings.publicUrl}/organizations/${organization.slug}/inbox`,
      },
    }),
  );
}
