import type { Locale } from "../i18n.types.ts";
import { institutionBrand } from "../institutions/institution-brand.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import { renderEmail } from "../mail/render-email.ts";
import type { MailMessage } from "../ports.ts";
import { formatCode } from "./access-code.ts";

interface LearnerEmailArgs {
  to: string;
  locale: Locale;
  givenName: string;
  institution: Institution;
  publicUrl: string;
}

const longDay = (l: Locale, date: Date) =>
  new Intl.DateTimeFormat(l === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "UTC" }).format(
    date,
  );

/** The first email: documents are waiting, with the access code and the claim link. */
export function accessCodeEmail(args: LearnerEmailArgs & { code: string; expiresAt: Date }): MailMessage {
  const i = args.institution;
  const code = formatCode(args.code);
  return renderEmail(args.to, args.locale, institutionBrand(i, args.publicUrl), {
    subject: {
      fr: `${i.nameFr} : vos documents officiels vous attendent`,
      en: `${i.nameEn}: your official documents are waiting`,
    },
    paragraphs: [
      { fr: `Bonjour ${args.givenName},`, en: `Hello ${args.givenName},` },
      {
        fr: `${i.nameFr} vous a délivré un document officiel certifié sur Sceau. Vous pourrez le consulter, le télécharger et le partager.`,
        en: `${i.nameEn} has issued you a certified official document on Sceau. You will be able to view, download and share it.`,
      },
      {
        fr: `Votre code d'accès : ${code}. Il ne sert qu'une fois et expire le ${longDay("fr", args.expiresAt)}. Le mot de passe de réclamation vous parvient dans un second courriel.`,
        en: `Your access code: ${code}. It works once and expires on ${longDay("en", args.expiresAt)}. The claim password comes in a second email.`,
      },
    ],
    action: {
      label: { fr: "Réclamer mes documents", en: "Claim my documents" },
      url: `${args.publicUrl}/claim#code=${args.code}`,
    },
    footnote: {
      fr: "Ne transmettez ce code à personne : l'établissement ne vous le demandera jamais.",
      en: "Do not share this code with anyone: the institution will never ask you for it.",
    },
  });
}

/** The second email: the claim password that goes with the access code. */
export function claimPasswordEmail(args: LearnerEmailArgs & { password: string }): MailMessage {
  const i = args.institution;
  return renderEmail(args.to, args.locale, institutionBrand(i, args.publicUrl), {
    subject: {
      fr: `${i.nameFr} : votre mot de passe de réclamation`,
      en: `${i.nameEn}: your claim password`,
    },
    paragraphs: [
      { fr: `Bonjour ${args.givenName},`, en: `Hello ${args.givenName},` },
      {
        fr: `Voici le mot de passe qui accompagne le code d'accès reçu dans un autre courriel : ${formatCode(args.password)}`,
        en: `Here is the password that goes with the access code you received in another email: ${formatCode(args.password)}`,
      },
      {
        fr: "Saisissez-le avec le code d'accès pour réclamer vos documents, puis créez votre propre mot de passe.",
        en: "Enter it with the access code to claim your documents, then create your own password.",
      },
    ],
    footnote: {
      fr: "Vous n'attendiez aucun document de cet établissement? Ignorez ce courriel.",
      en: "Not expecting any document from this institution? Ignore this email.",
    },
  });
}

/** A later document for a learner who was already invited. */
export function newDocumentsEmail(args: LearnerEmailArgs & { titles: string[] }): MailMessage {
  const i = args.institution;
  const list = args.titles.slice(0, 10).join(" ; ");
  const more = args.titles.length > 10 ? ` (+${args.titles.length - 10})` : "";
  return renderEmail(args.to, args.locale, institutionBrand(i, args.publicUrl), {
    subject: {
      fr: `${i.nameFr} : nouveau document officiel`,
      en: `${i.nameEn}: new official document`,
    },
    paragraphs: [
      { fr: `Bonjour ${args.givenName},`, en: `Hello ${args.givenName},` },
      {
        fr: `${i.nameFr} vous a délivré ${args.titles.length > 1 ? "de nouveaux documents" : "un nouveau document"} : ${list}${more}.`,
        en: `${i.nameEn} has issued you ${args.titles.length > 1 ? "new documents" : "a new document"}: ${list}${more}.`,
      },
      {
        fr: "Connectez-vous à Sceau pour les consulter dans votre portefeuille.",
        en: "Sign in to Sceau to see them in your wallet.",
      },
    ],
    action: {
      label: { fr: "Ouvrir mon portefeuille", en: "Open my wallet" },
      url: `${args.publicUrl}/wallet`,
    },
  });
}
