import type { Locale } from "../i18n.types.ts";
import { institutionBrand } from "../institutions/institution-brand.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import { renderEmail } from "../mail/render-email.ts";
import type { MailMessage } from "../ports.ts";

interface Common {
  to: string;
  locale: Locale;
  institution: Institution;
  publicUrl: string;
}

const longDay = (l: Locale, date: Date) =>
  new Intl.DateTimeFormat(l === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "UTC" }).format(
    date,
  );

/** To the person a learner shared documents with: the link, the learner's note, the expiry. */
export function shareRecipientEmail(
  args: Common & {
    learnerName: string;
    count: number;
    message: string | null;
    link: string;
    expiresAt: Date;
  },
): MailMessage {
  const i = args.institution;
  const n = args.count;
  return renderEmail(args.to, args.locale, institutionBrand(i, args.publicUrl), {
    subject: {
      fr: `${args.learnerName} vous transmet ${n > 1 ? `${n} documents officiels` : "un document officiel"}`,
      en: `${args.learnerName} shared ${n > 1 ? `${n} official documents` : "an official document"} with you`,
    },
    paragraphs: [
      {
        fr: `${args.learnerName} vous transmet ${n > 1 ? "des documents certifiés délivrés" : "un document certifié délivré"} par ${i.nameFr}, par l'intermédiaire de Sceau. La page du lien indique si chaque document est valide.`,
        en: `${args.learnerName} shared ${n > 1 ? "certified documents issued" : "a certified document issued"} by ${i.nameEn} with you through Sceau. The link's page says whether each document is valid.`,
      },
      ...(args.message
        ? [{ fr: `Son message : « ${args.message} »`, en: `Their message: “${args.message}”` }]
        : []),
      {
        fr: `Le lien fonctionne jusqu'au ${longDay("fr", args.expiresAt)}. Un code à usage unique vous sera envoyé à cette adresse pour l'ouvrir.`,
        en: `The link works until ${longDay("en", args.expiresAt)}. A one-time code will be sent to this address to open it.`,
      },
    ],
    action: { label: { fr: "Voir les documents", en: "View the documents" }, url: args.link },
    footnote: {
      fr: "Vous ne connaissez pas cette personne ? Ignorez ce courriel.",
      en: "You do not know this person? Ignore this email.",
    },
  });
}

/** The code that opens a share addressed to this email. */
export function shareCodeEmail(args: Common & { code: string }): MailMessage {
  return renderEmail(args.to, args.locale, institutionBrand(args.institution, args.publicUrl), {
    subject: { fr: "Votre code pour consulter les documents", en: "Your code to view the documents" },
    paragraphs: [
      { fr: `Votre code : ${args.code}`, en: `Your code: ${args.code}` },
      {
        fr: "Il fonctionne une fois, pendant 10 minutes. Ne le transmettez à personne.",
        en: "It works once, for 10 minutes. Do not give it to anyone.",
      },
    ],
    footnote: {
      fr: "Vous n'avez rien demandé ? Ignorez ce courriel.",
      en: "You did not ask for it? Ignore this email.",
    },
  });
}

/** To the learner: the share was opened for the first time. */
export function firstViewEmail(args: Common & { recipient: string | null; historyUrl: string }): MailMessage {
  return renderEmail(args.to, args.locale, institutionBrand(args.institution, args.publicUrl), {
    subject: { fr: "Votre partage a été consulté", en: "Your share was viewed" },
    paragraphs: [
      {
        fr: `Les documents que vous avez partagés${args.recipient ? ` avec ${args.recipient}` : ""} viennent d'être consultés pour la première fois.`,
        en: `The documents you shared${args.recipient ? ` with ${args.recipient}` : ""} were just viewed for the first time.`,
      },
    ],
    action: { label: { fr: "Voir l'historique", en: "See the history" }, url: args.historyUrl },
  });
}
