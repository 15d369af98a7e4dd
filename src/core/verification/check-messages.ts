import type { Bilingual } from "../i18n.types.ts";
import type {
  CheckStatus,
  DocumentCheckId,
  SignatureCheckId,
  VerificationCheck,
} from "./verification.types.ts";

type Id = DocumentCheckId | SignatureCheckId;

const PASSED: Record<Id, Bilingual> = {
  file: { fr: "Le fichier a une taille acceptable.", en: "The file has an acceptable size." },
  structure: { fr: "La structure du PDF a pu être lue.", en: "The PDF structure could be read." },
  encryption: { fr: "Le fichier n'est pas chiffré.", en: "The file is not encrypted." },
  signatures_present: {
    fr: "Le document contient au moins une signature.",
    en: "The document contains at least one signature.",
  },
  signatures_valid: { fr: "Toutes les signatures sont valides.", en: "All signatures are valid." },
  time_limit: { fr: "La vérification s'est faite dans le temps imparti.", en: "The check finished in time." },
  long_term: {
    fr: "Le document peut être validé à long terme.",
    en: "The document can be validated in the long term.",
  },
  document_status: {
    fr: "Le document est actif dans le registre.",
    en: "The document is active in the registry.",
  },
  byte_range: {
    fr: "La signature désigne correctement les parties signées du fichier.",
    en: "The signature correctly points at the signed parts of the file.",
  },
  digest: {
    fr: "Les octets signés n'ont pas changé depuis la signature.",
    en: "The signed bytes have not changed since signing.",
  },
  cms_signature: {
    fr: "La signature cryptographique correspond à la clé du certificat.",
    en: "The cryptographic signature matches the certificate's key.",
  },
  signing_certificate: {
    fr: "La signature désigne bien le certificat qui l'a produite.",
    en: "The signature is bound to the certificate that made it.",
  },
  certificate_chain: {
    fr: "Le certificat du signataire remonte à une autorité de confiance et était valide au moment de la signature (l'heure de son horodatage, sinon maintenant).",
    en: "The signer's certificate leads to a trusted authority and was valid at signing time (its timestamp's time, else now).",
  },
  key_usage: {
    fr: "Le certificat est autorisé à signer des documents.",
    en: "The certificate is allowed to sign documents.",
  },
  timestamp: {
    fr: "Un horodatage indépendant confirme l'heure de la signature.",
    en: "An independent timestamp confirms when the signature was made.",
  },
  docmdp: {
    fr: "Les ajouts faits après la certification sont permis par celle-ci.",
    en: "Additions made after certification are allowed by it.",
  },
  modifications: {
    fr: "Le document n'a pas été modifié après la signature.",
    en: "The document was not modified after signing.",
  },
  revocation: {
    fr: "Les données de révocation intégrées (OCSP, CRL) montrent que les certificats n'étaient pas révoqués au moment de la signature.",
    en: "The embedded revocation data (OCSP, CRL) shows the certificates were not revoked at signing time.",
  },
};

const CODES: Record<string, Bilingual> = {
  too_large: {
    fr: "Le fichier est trop volumineux pour être vérifié.",
    en: "The file is too large to be checked.",
  },
  empty_file: { fr: "Le fichier est vide ou n'est pas un PDF.", en: "The file is empty or is not a PDF." },
  unreadable_pdf: {
    fr: "Le fichier est endommagé ou n'est pas un PDF lisible ; il ne peut pas être vérifié.",
    en: "The file is damaged or not a readable PDF; it cannot be checked.",
  },
  encrypted_unsupported: {
    fr: "Le fichier est chiffré ; les documents chiffrés ne peuvent pas être vérifiés ici.",
    en: "The file is encrypted; encrypted documents cannot be checked here.",
  },
  no_signature: {
    fr: "Le document ne contient aucune signature : rien ne prouve son origine.",
    en: "The document contains no signature: nothing proves where it comes from.",
  },
  signature_failed: {
    fr: "Au moins une signature n'est pas valide ; ne vous fiez pas à ce document.",
    en: "At least one signature is not valid; do not rely on this document.",
  },
  deadline_exceeded: {
    fr: "La vérification a pris trop de temps et a été interrompue ; le fichier est peut-être malveillant.",
    en: "The check took too long and was stopped; the file may be malicious.",
  },
  document_revoked: {
    fr: "L'établissement a révoqué ce document : il n'a plus de valeur officielle.",
    en: "The institution revoked this document: it no longer has official value.",
  },
  document_superseded: {
    fr: "Ce document a été remplacé par une version plus récente ; demandez la nouvelle version.",
    en: "This document was replaced by a newer version; ask for the new one.",
  },
  document_unknown: {
    fr: "Ce document est introuvable dans le registre du portail.",
    en: "This document cannot be found in the portal's registry.",
  },
  byte_range_invalid: {
    fr: "La zone signée déclarée est incohérente : le fichier a été fabriqué ou altéré.",
    en: "The declared signed area is inconsistent: the file was forged or altered.",
  },
  digest_mismatch: {
    fr: "Des octets signés ont été modifiés après la signature.",
    en: "Signed bytes were changed after signing.",
  },
  cms_malformed: {
    fr: "La signature est illisible ou vide.",
    en: "The signature is unreadable or empty.",
  },
  signature_invalid: {
    fr: "La signature cryptographique ne correspond pas : le contenu ou la signature a été altéré.",
    en: "The cryptographic signature does not match: the content or the signature was altered.",
  },
  unsupported_algorithm: {
    fr: "La signature utilise un algorithme non pris en charge ou trop faible.",
    en: "The signature uses an unsupported or too weak algorithm.",
  },
  signing_certificate_missing: {
    fr: "La signature ne désigne pas son certificat (attribut signing-certificate-v2 absent).",
    en: "The signature does not name its certificate (no signing-certificate-v2 attribute).",
  },
  signing_certificate_mismatch: {
    fr: "La signature désigne un autre certificat que celui qui est joint : possible substitution.",
    en: "The signature names a different certificate than the one attached: possible substitution.",
  },
  untrusted_chain: {
    fr: "Le certificat du signataire ne remonte à aucune autorité de confiance : l'émetteur n'est pas reconnu.",
    en: "The signer's certificate does not lead to any trusted authority: the issuer is not recognized.",
  },
  certificate_expired: {
    fr: "Un certificat de la chaîne était expiré au moment où la signature est prouvée (l'heure d'un horodatage valide, sinon maintenant).",
    en: "A certificate in the chain had expired at the time the signature is proven (a valid timestamp's time, else now).",
  },
  certificate_not_yet_valid: {
    fr: "Un certificat de la chaîne n'était pas encore valide au moment où la signature est prouvée.",
    en: "A certificate in the chain was not yet valid at the time the signature is proven.",
  },
  issuer_not_ca: {
    fr: "Un certificat intermédiaire n'est pas une autorité de certification.",
    en: "An intermediate certificate is not a certification authority.",
  },
  bad_certificate_signature: {
    fr: "Un certificat de la chaîne n'a pas été signé par son émetteur déclaré : contrefaçon probable.",
    en: "A certificate in the chain was not signed by its declared issuer: probable forgery.",
  },
  unknown_critical_extension: {
    fr: "Un certificat contient une extension critique inconnue.",
    en: "A certificate contains an unknown critical extension.",
  },
  key_usage_invalid: {
    fr: "Le certificat n'est pas autorisé à signer des documents.",
    en: "The certificate is not allowed to sign documents.",
  },
  no_timestamp: {
    fr: "Pas d'horodatage : l'heure de signature est celle déclarée par le signataire.",
    en: "No timestamp: the signing time is the one the signer declared.",
  },
  timestamp_invalid: {
    fr: "L'horodatage est invalide ou ne porte pas sur cette signature.",
    en: "The timestamp is invalid or does not cover this signature.",
  },
  tsa_untrusted: {
    fr: "L'horodatage est intact, mais son autorité n'est pas dans la liste de confiance.",
    en: "The timestamp is intact, but its authority is not in the trusted list.",
  },
  not_certification: {
    fr: "Signature d'approbation : aucune restriction de modification à vérifier.",
    en: "Approval signature: no modification restrictions to check.",
  },
  docmdp_violation: {
    fr: "Des ajouts interdits par la signature de certification ont été faits.",
    en: "Additions forbidden by the certification signature were made.",
  },
  modified_after_signing: {
    fr: "Le document a été modifié après la signature : son contenu n'est plus celui qui a été signé.",
    en: "The document was modified after signing: its content is no longer what was signed.",
  },
  tsa_expired: {
    fr: "L'horodatage est intact, mais le certificat de son autorité a expiré et aucun horodatage plus récent ne le protège.",
    en: "The timestamp is intact, but its authority's certificate has expired and no later timestamp protects it.",
  },
  tsa_revocation_data_missing: {
    fr: "L'horodatage est intact, mais le certificat de son autorité a expiré sans données de révocation intégrées : il ne prouve plus l'heure.",
    en: "The timestamp is intact, but its authority's certificate has expired with no embedded revocation data: it no longer proves the time.",
  },
  revocation_data_missing: {
    fr: "Un certificat de la chaîne a expiré et le fichier ne contient aucune donnée de révocation (OCSP, CRL) pour lui : la signature ne peut pas être validée à long terme.",
    en: "A certificate in the chain has expired and the file holds no revocation data (OCSP, CRL) for it: the signature cannot be validated in the long term.",
  },
  revocation_not_checked: {
    fr: "La révocation du certificat n'est pas vérifiée hors ligne ; le statut du document dans le registre fait foi.",
    en: "Certificate revocation is not checked offline; the document's status in the registry is authoritative.",
  },
};

/** Builds a check with its bilingual message; failures and warnings carry a code. */
export function check(id: Id, status: CheckStatus, code?: string): VerificationCheck {
  const message = (code ? CODES[code] : undefined) ?? PASSED[id];
  return code ? { id, status, code, message } : { id, status, message };
}
