import type { Locale } from "../i18n.types.ts";
import { institutionBrand } from "../institutions/institution-brand.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import { renderEmail } from "../mail/render-email.ts";
import type { MailMessage } from "../ports.ts";
import { bilingualMoney } from "./payment-rules.ts";
import type { PaymentRecord } from "./payments.types.ts";

const longDate = (d: Date, l: Locale) =>
  new Intl.DateTimeFormat(l === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "UTC" }).format(d);

/** The learner's receipt: what was paid, for which document, to which institution, its number. */
export function paymentReceiptEmail(args: {
  to: string;
  locale: Locale;
  displayName: string;
  institution: Institution;
  payment: PaymentRecord & { receiptNumber: string; paidAt: Date };
  documentTitle: string;
  publicUrl: string;
}): MailMessage {
  const { institution: i, payment: p } = args;
  const amount = bilingualMoney(p.amountCents, p.currency);
  const what =
    p.purpose === "unlock"
      ? {
          fr: `Déblocage du document « ${args.documentTitle} »`,
          en: `Unlocking the document "${args.documentTitle}"`,
        }
      : {
          fr: `Partage du document « ${args.documentTitle} »`,
          en: `Sharing the document "${args.documentTitle}"`,
        };
  return renderEmail(args.to, args.locale, institutionBrand(i, args.publicUrl), {
    subject: { fr: `Reçu ${p.receiptNumber}`, en: `Receipt ${p.receiptNumber}` },
    paragraphs: [
      { fr: `Bonjour ${args.displayName},`, en: `Hello ${args.displayName},` },
      {
        fr: `Merci : ${i.nameFr} a bien reçu votre paiement de ${amount.fr}.`,
        en: `Thank you: ${i.nameEn} received your payment of ${amount.en}.`,
      },
      { fr: `Reçu n° ${p.receiptNumber}`, en: `Receipt no. ${p.receiptNumber}` },
      { fr: `Objet : ${what.fr}`, en: `For: ${what.en}` },
      { fr: `Montant : ${amount.fr}`, en: `Amount: ${amount.en}` },
      { fr: `Date : ${longDate(p.paidAt, "fr")}`, en: `Date: ${longDate(p.paidAt, "en")}` },
    ],
    action: {
      label: { fr: "Ouvrir mon portefeuille", en: "Open my wallet" },
      url: `${args.publicUrl}/wallet`,
    },
    footnote: {
      fr: "Vos reçus sont aussi dans l'historique des paiements de votre portefeuille.",
      en: "Your receipts are also in your wallet's payment history.",
    },
  });
}
