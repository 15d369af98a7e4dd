import type { InstitutionRole } from "../accounts/accounts.types.ts";
import type { Bilingual, Locale } from "../i18n.types.ts";
import { renderEmail } from "../mail/render-email.ts";
import type { CoreDeps, MailMessage } from "../ports.ts";
import { institutionBrand } from "./institution-brand.ts";
import type { InvitationRecord } from "./institutions.ports.ts";
import type { Institution } from "./institutions.types.ts";

export const ROLE_NAMES: Record<InstitutionRole, Bilingual> = {
  institution_admin: { fr: "administrateur ou administratrice", en: "administrator" },
  issuer: { fr: "émetteur ou émettrice de documents", en: "document issuer" },
};

export function invitationEmail(args: {
  to: string;
  locale: Locale;
  institution: Institution;
  role: InstitutionRole;
  inviterName: string;
  url: string;
  expiresAt: Date;
  publicUrl: string;
}): MailMessage {
  const { institution: i } = args;
  const day = (l: Locale) =>
    new Intl.DateTimeFormat(l === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "UTC" }).format(
      args.expiresAt,
    );
  return renderEmail(args.to, args.locale, institutionBrand(i, args.publicUrl), {
    subject: { fr: `Invitation : ${i.nameFr} sur Sceau`, en: `Invitation: ${i.nameEn} on Sceau` },
    paragraphs: [
      { fr: "Bonjour,", en: "Hello," },
      {
        fr: `${args.inviterName} vous invite à rejoindre ${i.nameFr} sur Sceau, le portail des documents officiels certifiés, à titre d'${ROLE_NAMES[args.role].fr}.`,
        en: `${args.inviterName} invites you to join ${i.nameEn} on Sceau, the portal for certified official documents, as ${ROLE_NAMES[args.role].en}.`,
      },
      {
        fr: `Ouvrez le lien ci-dessous pour choisir votre mot de passe. Il ne sert qu'une fois et expire le ${day("fr")}.`,
        en: `Open the link below to choose your password. It works once and expires on ${day("en")}.`,
      },
    ],
    action: { label: { fr: "Accepter l'invitation", en: "Accept the invitation" }, url: args.url },
    footnote: {
      fr: "Vous ne vous attendiez pas à cette invitation? Ignorez ce courriel; aucun compte ne sera créé.",
      en: "Not expecting this invitation? Ignore this email; no account will be created.",
    },
  });
}

/** Emails the invitation link for a record and its fresh token. */
export function sendInvitationEmail(
  deps: Pick<CoreDeps, "mailer" | "settings">,
  record: InvitationRecord,
  institution: Institution,
  token: string,
  inviterName: string,
): Promise<void> {
  return deps.mailer.send(
    invitationEmail({
      to: record.email,
      locale: record.locale,
      institution,
      role: record.role,
      inviterName,
      url: `${deps.settings.publicUrl}/invitation#token=${token}`,
      expiresAt: record.expiresAt,
      publicUrl: deps.settings.publicUrl,
    }),
  );
}
