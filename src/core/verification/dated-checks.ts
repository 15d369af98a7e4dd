import type { LongTermLevel, VerificationCheck } from "./verification.types.ts";

/** A time as people read it in both languages: "2031-05-04 12:00 UTC". */
export function utcText(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A check naming a certificate and its revocation date in both languages. */
function revocationDated(
  base: Pick<VerificationCheck, "id" | "status" | "code">,
  revokedAt: Date,
  text: (when: string) => VerificationCheck["message"],
): VerificationCheck {
  return { ...base, message: text(utcText(revokedAt)) };
}

/** The `revocation` check of a certificate revoked at or before the validation time. */
export function revokedCheck(subject: string, revokedAt: Date): VerificationCheck {
  return revocationDated(
    { id: "revocation", status: "failed", code: "certificate_revoked" },
    revokedAt,
    (when) => ({
      fr: `Le certificat « ${subject} » a été révoqué le ${when}, avant le moment où la signature est prouvée : ne vous fiez pas à cette signature.`,
      en: `The certificate "${subject}" was revoked on ${when}, before the time the signature is proven to exist: do not rely on this signature.`,
    }),
  );
}

/** The `timestamp` warning of a token whose TSA certificate was revoked by the validation time. */
export function tsaRevokedCheck(subject: string, revokedAt: Date): VerificationCheck {
  return revocationDated({ id: "timestamp", status: "warning", code: "tsa_revoked" }, revokedAt, (when) => ({
    fr: `Le certificat de l'autorité d'horodatage « ${subject} » a été révoqué le ${when} : cet horodatage ne prouve plus l'heure.`,
    en: `The timestamp authority's certificate "${subject}" was revoked on ${when}: this timestamp no longer proves the time.`,
  }));
}

const LEVEL_TEXT: Record<LongTermLevel, { fr: string; en: string }> = {
  "B-B": { fr: "signature seule", en: "signature only" },
  "B-T": { fr: "signature horodatée", en: "timestamped signature" },
  "B-LT": {
    fr: "signature horodatée avec ses données de validation",
    en: "timestamped signature with its validation data",
  },
  "B-LTA": {
    fr: "données de validation protégées par un horodatage d'archive",
    en: "validation data protected by an archive timestamp",
  },
};

/** The document's `long_term` check: its PAdES level and until when it can be validated as it is. */
export function longTermCheck(level: LongTermLevel | null, protectedUntil: Date | null): VerificationCheck {
  if (level === null)
    return {
      id: "long_term",
      status: "skipped",
      code: "long_term_not_assessed",
      message: {
        fr: "Le niveau de conservation à long terme n'est pas évalué : le document n'est pas valide.",
        en: "The long-term level is not assessed: the document is not valid.",
      },
    };
  const until = protectedUntil ? utcText(protectedUntil) : null;
  const text = LEVEL_TEXT[level];
  const untilFr = until ? ` ; vérifiable telle quelle jusqu'au ${until}` : "";
  const untilEn = until ? `; it can be checked as it is until ${until}` : "";
  const longTerm = level === "B-LT" || level === "B-LTA";
  return {
    id: "long_term",
    status: longTerm ? "passed" : "skipped",
    code: `pades_${level.toLowerCase().replace("-", "_")}`,
    message: {
      fr: `Niveau PAdES ${level} (${text.fr})${untilFr}.${longTerm ? "" : " Sans données de validation intégrées, la signature ne pourra plus être vérifiée après l'expiration de ses certificats."}`,
      en: `PAdES level ${level} (${text.en})${untilEn}.${longTerm ? "" : " Without embedded validation data, the signature can no longer be checked once its certificates expire."}`,
    },
  };
}
