import type { Locale } from "../i18n.types.ts";
import { PORTAL_BRAND, renderEmail } from "../mail/render-email.ts";
import type { CoreDeps } from "../ports.ts";
import type { Organization } from "./organizations.types.ts";

/**
 * Tells the organization that a learner shared documents with it: each active staff member, in
 * their own language first (users.locale), and its contact email (French first; skipped when a
 * staff member has that address). One message per recipient: no one sees the others' addresses.
 * The sharing use case calls it once the share is filed in the inbox; nothing of the documents
 * themselves is in the email, only who shared and where to look.
 */
export async function notifyOrganizationOfShare(
  deps: Pick<CoreDeps, "mailer" | "settings" | "stores">,
  organization: Organization,
  share: { learnerName: string; documentCount: number },
): Promise<void> {
  const recipients = new Map<string, { email: string; locale: Locale }>();
  for (const member of await deps.stores.organizations.listStaffContacts(organization.id))
    recipients.set(member.email.toLowerCase(), member);
  const contact = organization.contactEmail;
  if (contact && !recipients.has(contact.toLowerCase()))
    recipients.set(contact.toLowerCase(), { email: contact, locale: "fr" });
  const n = share.documentCount;
  for (const { email, locale } of recipients.values())
    await deps.mailer.send(
      renderEmail(email, locale, PORTAL_BRAND, {
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
