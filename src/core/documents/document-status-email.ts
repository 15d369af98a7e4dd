import type { Bilingual, Locale } from "../i18n.types.ts";
import { institutionBrand } from "../institutions/institution-brand.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { Learner } from "../learners/learners.types.ts";
import { renderEmail } from "../mail/render-email.ts";
import type { MailMessage } from "../ports.ts";
import { verificationUrl } from "../signing/sign-document.ts";
import type { DocumentRecord } from "./documents.ports.ts";

/** Where a learner is written to: the personal address, which outlives studies, else the institutional one. */
export const learnerMailAddress = (learner: Learner): string | null =>
  learner.personalEmail ?? learner.institutionalEmail;

const longDate = (d: Date, l: Locale) =>
  new Intl.DateTimeFormat(l === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "UTC" }).format(d);

export type DocumentStatusChange =
  | { kind: "revoked"; reason: string; at: Date }
  | { kind: "replaced"; replacement: DocumentRecord };

/**
 * Tells a learner, in their language first then the other, that the institution revoked one of
 * their documents (with the date and the reason) or replaced it with a corrected one.
 */
export function documentStatusEmail(args: {
  to: string;
  learner: Learner;
  institution: Institution;
  document: DocumentRecord;
  change: DocumentStatusChange;
  publicUrl: string;
}): MailMessage {
  const { institution: i, document: doc, change } = args;
  const hello: Bilingual = {
    fr: `Bonjour ${args.learner.givenName},`,
    en: `Hello ${args.learner.givenName},`,
  };
  const brand = institutionBrand(i, args.publicUrl);
  if (change.kind === "revoked")
    return renderEmail(args.to, args.learner.locale, brand, {
      subject: { fr: `Document révoqué : ${doc.title}`, en: `Document revoked: ${doc.title}` },
      paragraphs: [
        hello,
        {
          fr: `${i.nameFr} a révoqué votre document « ${doc.title} » le ${longDate(change.at, "fr")}. Il n'est plus valide : sa vérification l'indique désormais comme révoqué, avec la date et le motif.`,
          en: `${i.nameEn} revoked your document "${doc.title}" on ${longDate(change.at, "en")}. It is no longer valid: its verification now reports it revoked, with the date and the reason.`,
        },
        { fr: `Motif : ${change.reason}`, en: `Reason: ${change.reason}` },
      ],
      action: {
        label: { fr: "Voir l'état du document", en: "See the document's status" },
        url: verificationUrl(args.publicUrl, doc.id),
      },
      footnote: {
        fr: `Une question? Écrivez à ${i.nameFr}; Sceau ne peut pas modifier cette décision.`,
        en: `Questions? Contact ${i.nameEn}; Sceau cannot change this decision.`,
      },
    });
  const next = change.replacement;
  return renderEmail(args.to, args.learner.locale, brand, {
    subject: { fr: `Document remplacé : ${doc.title}`, en: `Document replaced: ${doc.title}` },
    paragraphs: [
      hello,
      {
        fr: `${i.nameFr} a remplacé votre document « ${doc.title} » par une version corrigée, « ${next.title} ».`,
        en: `${i.nameEn} replaced your document "${doc.title}" with a corrected version, "${next.title}".`,
      },
      {
        fr: "L'ancien document est désormais indiqué comme remplacé lors de sa vérification. Les partages que vous en aviez faits montrent le nouveau document, avec un avis.",
        en: "The old document is now reported as superseded when verified. Anything you shared of it now shows the new document, with a notice.",
      },
    ],
    action: {
      label: { fr: "Voir le nouveau document", en: "See the new document" },
      url: verificationUrl(args.publicUrl, next.id),
    },
    footnote: {
      fr: `Une question? Écrivez à ${i.nameFr}.`,
      en: `Questions? Contact ${i.nameEn}.`,
    },
  });
}
