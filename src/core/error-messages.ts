import type { ErrorCode } from "./errors.ts";
import type { Bilingual } from "./i18n.types.ts";

/** What a person reads for each error code, in French and English. */
export const ERROR_MESSAGES: Record<ErrorCode, Bilingual> = {
  validation_failed: {
    fr: "Certaines informations sont manquantes ou invalides.",
    en: "Some information is missing or invalid.",
  },
  unauthenticated: { fr: "Veuillez vous connecter.", en: "Please sign in." },
  not_found: {
    fr: "Cette page ou cette ressource est introuvable.",
    en: "This page or resource was not found.",
  },
  invalid_credentials: {
    fr: "Courriel ou mot de passe incorrect.",
    en: "Incorrect email or password.",
  },
  too_many_attempts: {
    fr: "Trop de tentatives. Veuillez patienter avant de réessayer.",
    en: "Too many attempts. Please wait before trying again.",
  },
  account_disabled: { fr: "Ce compte est désactivé.", en: "This account is disabled." },
  csrf_invalid: {
    fr: "Votre session de formulaire a expiré. Rechargez la page et réessayez.",
    en: "Your form session expired. Reload the page and try again.",
  },
  slug_taken: {
    fr: "Cet identifiant est déjà utilisé par un autre établissement.",
    en: "This identifier is already used by another institution.",
  },
  already_member: {
    fr: "Cette personne fait déjà partie du personnel de l'établissement.",
    en: "This person is already a staff member of the institution.",
  },
  invitation_invalid: {
    fr: "Cette invitation n'est plus valide (déjà utilisée, annulée ou expirée). Demandez-en une nouvelle.",
    en: "This invitation is no longer valid (already used, cancelled or expired). Ask for a new one.",
  },
  reset_link_invalid: {
    fr: "Ce lien de réinitialisation n'est plus valide (déjà utilisé ou expiré). Demandez-en un nouveau.",
    en: "This reset link is no longer valid (already used or expired). Ask for a new one.",
  },
  password_too_short: {
    fr: "Le mot de passe doit contenir au moins 8 caractères.",
    en: "The password must be at least 8 characters long.",
  },
  password_too_long: {
    fr: "Le mot de passe ne peut dépasser 256 caractères.",
    en: "The password cannot exceed 256 characters.",
  },
  password_incorrect: {
    fr: "Le mot de passe actuel est incorrect.",
    en: "The current password is incorrect.",
  },
  cannot_change_self: {
    fr: "Vous ne pouvez pas faire cette action sur votre propre compte.",
    en: "You cannot do this to your own account.",
  },
  unsupported_media_type: {
    fr: "Type de contenu non pris en charge.",
    en: "Unsupported content type.",
  },
  payload_too_large: { fr: "Le contenu envoyé est trop volumineux.", en: "The content sent is too large." },
  rate_limited: {
    fr: "Trop de requêtes. Veuillez patienter un moment.",
    en: "Too many requests. Please wait a moment.",
  },
  not_a_pdf: {
    fr: "Ce fichier n'est pas un PDF.",
    en: "This file is not a PDF.",
  },
  pdf_unsignable: {
    fr: "Ce PDF ne peut pas être signé : il est chiffré, endommagé ou d'une structure non prise en charge.",
    en: "This PDF cannot be signed: it is encrypted, damaged or of an unsupported structure.",
  },
  tsa_required: {
    fr: "Ce niveau de signature (B-T, B-LT ou B-LTA) demande une autorité d'horodatage : indiquez-en une dans les réglages de signature de l'établissement.",
    en: "This signature level (B-T, B-LT or B-LTA) needs a timestamp authority: set one in the institution's signing settings.",
  },
  validation_data_unavailable: {
    fr: "L'autorité d'horodatage ou un service de révocation (OCSP, CRL) n'a pas répondu : rien n'a été signé. Réessayez plus tard.",
    en: "The timestamp authority or a revocation service (OCSP, CRL) did not answer: nothing was signed. Try again later.",
  },
  signing_identity_missing: {
    fr: "Cet établissement n'a pas encore d'identité de signature (certificat). Importez-en une avant de signer.",
    en: "This institution has no signing identity (certificate) yet. Import one before signing.",
  },
  pkcs12_invalid: {
    fr: "Le fichier PKCS#12 est illisible ou le mot de passe est incorrect.",
    en: "The PKCS#12 file cannot be read or the password is wrong.",
  },
  student_number_taken: {
    fr: "Ce numéro d'étudiant est déjà attribué à une autre personne étudiante de l'établissement.",
    en: "This student number already belongs to another learner of the institution.",
  },
  document_type_code_taken: {
    fr: "Ce code est déjà utilisé par un autre type de document de l'établissement.",
    en: "This code is already used by another document type of the institution.",
  },
  csv_not_utf8: {
    fr: "Le fichier n'est pas encodé en UTF-8. Dans votre tableur, enregistrez-le au format « CSV UTF-8 », puis réessayez.",
    en: 'The file is not UTF-8 encoded. In your spreadsheet, save it as "CSV UTF-8", then try again.',
  },
  csv_invalid: {
    fr: "Le fichier CSV ne peut pas être lu tel quel. Voyez le détail ci-dessous.",
    en: "The CSV file cannot be read as is. See the details below.",
  },
  import_has_errors: {
    fr: "Rien n'a été importé : certaines lignes contiennent des erreurs. Corrigez-les, puis réessayez.",
    en: "Nothing was imported: some rows have errors. Correct them, then try again.",
  },
  archive_invalid: {
    fr: "L'archive n'est pas un fichier ZIP lisible. Créez-la de nouveau (format ZIP, sans mot de passe), puis réessayez.",
    en: "The archive is not a readable ZIP file. Create it again (ZIP format, no password), then try again.",
  },
  archive_too_large: {
    fr: "L'archive est trop volumineuse ou contient trop de fichiers. Divisez le lot en plusieurs envois.",
    en: "The archive is too large or holds too many files. Split the batch into several uploads.",
  },
  batch_has_errors: {
    fr: "Rien n'a été délivré : le lot contient des erreurs. Corrigez-les (détail par ligne ci-dessous), puis envoyez-le de nouveau.",
    en: "Nothing was issued: the batch has errors. Correct them (details by row below), then upload it again.",
  },
  document_type_archived: {
    fr: "Ce type de document est archivé : restaurez-le avant de délivrer des documents de ce type.",
    en: "This document type is archived: restore it before issuing documents of this type.",
  },
  external_id_taken: {
    fr: "Cet identifiant externe a déjà servi pour un autre document de l'établissement.",
    en: "This external id was already used for another document of the institution.",
  },
  document_not_active: {
    fr: "Ce document n'est plus actif (déjà révoqué ou remplacé) : il ne peut être ni révoqué ni remplacé.",
    en: "This document is no longer active (already revoked or replaced): it cannot be revoked or replaced.",
  },
  document_not_replaceable: {
    fr: "Seul un document délivré à une personne étudiante peut être remplacé. Signez plutôt un nouveau fichier.",
    en: "Only a document issued to a learner can be replaced. Sign a new file instead.",
  },
  invitation_already_claimed: {
    fr: "Cette personne a déjà réclamé ses documents : elle se connecte avec son propre compte. Elle peut réinitialiser son mot de passe si elle l'a oublié.",
    en: "This learner has already claimed their documents and signs in with their own account. They can reset their password if they forgot it.",
  },
  blob_missing: {
    fr: "Le fichier de ce document est momentanément indisponible. Réessayez plus tard.",
    en: "This document's file is temporarily unavailable. Please try again later.",
  },
  blob_corrupt: {
    fr: "Le fichier de ce document est endommagé et ne peut pas être remis. L'équipe du portail a été avertie.",
    en: "This document's file is damaged and cannot be delivered. The portal team has been alerted.",
  },
  api_key_invalid: {
    fr: "Cette clé d'API est inconnue ou révoquée.",
    en: "This API key is unknown or revoked.",
  },
  api_key_scope: {
    fr: "Cette clé d'API ne permet pas cette action. Un administrateur de l'établissement peut créer une clé avec la permission nécessaire.",
    en: "This API key does not allow this action. An institution administrator can create a key with the permission it needs.",
  },
  idempotency_key_mismatch: {
    fr: "Cette clé d'idempotence a déjà servi pour une autre requête. Utilisez une nouvelle clé pour chaque requête différente.",
    en: "This idempotency key was already used for a different request. Use a new key for each different request.",
  },
  idempotency_key_in_progress: {
    fr: "Une requête avec cette clé d'idempotence est en cours. Réessayez dans un instant.",
    en: "A request with this idempotency key is in progress. Try again in a moment.",
  },
  claim_invalid: {
    fr: "Ce code d'accès et ce mot de passe ne permettent pas de réclamer des documents. Vérifiez-les : le code est dans le premier courriel, le mot de passe dans le second. Un code ne sert qu'une fois, expire et se bloque après plusieurs essais erronés ; s'il ne fonctionne toujours pas, demandez-en un nouveau à votre établissement.",
    en: "This access code and password cannot be used to claim documents. Check them: the code is in the first email, the password in the second. A code works once, expires, and locks after several wrong tries; if it still does not work, ask your institution for a new one.",
  },
  claim_token_invalid: {
    fr: "Cette étape a expiré ou a déjà été terminée. Saisissez de nouveau votre code d'accès et votre mot de passe de réclamation.",
    en: "This step has expired or was already completed. Enter your access code and claim password again.",
  },
  email_taken: {
    fr: "Un compte utilise déjà cette adresse courriel. Connectez-vous d'abord avec ce compte, ou choisissez une autre adresse.",
    en: "An account already uses this email address. Sign in with that account first, or choose another address.",
  },
  activation_link_invalid: {
    fr: "Ce lien d'activation n'est plus valide (déjà utilisé ou expiré). Connectez-vous avec votre adresse et votre mot de passe : un nouveau lien vous sera envoyé.",
    en: "This activation link is no longer valid (already used or expired). Sign in with your email and password: a new link will be sent to you.",
  },
  email_not_verified: {
    fr: "Votre compte n'est pas encore activé. Nous venons de vous envoyer un nouveau lien d'activation par courriel.",
    en: "Your account is not activated yet. We have just emailed you a new activation link.",
  },
  totp_code_invalid: {
    fr: "Ce code est incorrect ou a déjà servi. Saisissez le code que votre application affiche maintenant.",
    en: "This code is incorrect or was already used. Enter the code your app shows now.",
  },
  sign_in_step_expired: {
    fr: "Cette étape de connexion a expiré ou est déjà terminée. Connectez-vous de nouveau.",
    en: "This sign-in step has expired or was already completed. Sign in again.",
  },
  totp_already_enabled: {
    fr: "La validation en deux étapes est déjà activée.",
    en: "Two-step verification is already on.",
  },
  totp_not_enabled: {
    fr: "La validation en deux étapes n'est pas activée.",
    en: "Two-step verification is not on.",
  },
  account_has_roles: {
    fr: "Ce compte a un rôle dans un établissement ou sur le portail : demandez d'abord qu'on vous retire ce rôle.",
    en: "This account holds a role in an institution or on the portal: ask for that role to be removed first.",
  },
  export_too_large: {
    fr: "Vos données dépassent la taille d'une archive téléchargeable. Communiquez avec le soutien.",
    en: "Your data exceeds the size of a downloadable archive. Please contact support.",
  },
  sign_on_failed: {
    fr: "La connexion n'a pas pu être terminée : elle a expiré, a déjà servi ou le fournisseur d'identité a répondu autre chose que prévu. Recommencez depuis la page de connexion.",
    en: "The sign-on could not be completed: it expired, was already used, or the identity provider answered something unexpected. Start again from the sign-in page.",
  },
  sign_on_no_learner: {
    fr: "Votre établissement n'a pas encore de documents pour vous dans Sceau. Vous pourrez vous connecter ainsi dès qu'il vous en aura délivré un.",
    en: "Your institution has no documents for you in Sceau yet. You will be able to sign in this way once it has issued you one.",
  },
  sign_on_account_conflict: {
    fr: "Un compte Sceau utilise déjà cette adresse courriel et ne peut pas être relié automatiquement. Connectez-vous avec votre mot de passe, ou activez d'abord ce compte.",
    en: "A Sceau account already uses this email address and cannot be linked automatically. Sign in with your password, or activate that account first.",
  },
  sign_on_not_linked: {
    fr: "Ce compte n'est relié à aucun compte Sceau. Connectez-vous autrement, puis reliez-le depuis votre profil.",
    en: "This account is not linked to any Sceau account. Sign in another way, then link it from your profile.",
  },
  linked_account_taken: {
    fr: "Ce compte est déjà relié à un autre compte Sceau.",
    en: "This account is already linked to another Sceau account.",
  },
  linked_account_last_method: {
    fr: "C'est votre seule façon de vous connecter : choisissez d'abord un mot de passe ou reliez un autre compte.",
    en: "This is your only way to sign in: set a password or link another account first.",
  },
  identity_provider_key_taken: {
    fr: "Un fournisseur porte déjà cette clé.",
    en: "A provider already uses this key.",
  },
  password_too_common: {
    fr: "Ce mot de passe fait partie des plus courants : il serait deviné vite. Choisissez-en un autre, par exemple une phrase de quelques mots.",
    en: "This password is one of the most common ones and would be guessed quickly. Choose another, for example a phrase of a few words.",
  },
  email_in_use: {
    fr: "Cette adresse courriel est déjà associée à un autre compte Sceau. Choisissez une autre adresse.",
    en: "This email address already belongs to another Sceau account. Choose another address.",
  },
  email_already_yours: {
    fr: "Cette adresse figure déjà dans votre compte.",
    en: "This address is already in your account.",
  },
  email_limit_reached: {
    fr: "Votre compte a déjà le nombre maximal d'adresses courriel. Retirez-en une avant d'en ajouter une autre.",
    en: "Your account already has the maximum number of email addresses. Remove one before adding another.",
  },
  email_link_invalid: {
    fr: "Ce lien de confirmation n'est plus valide (déjà utilisé, expiré, remplacé ou destiné à un autre compte). Connectez-vous au bon compte ou demandez un nouveau lien depuis votre profil.",
    en: "This confirmation link is no longer valid (already used, expired, replaced or meant for another account). Sign in to the right account or ask for a new link from your profile.",
  },
  email_unverified: {
    fr: "Confirmez d'abord cette adresse avec le lien reçu par courriel.",
    en: "Confirm this address first with the link sent to it.",
  },
  payment_required: {
    fr: "Ce partage est payant : réglez d'abord les frais indiqués. Rien n'a été partagé.",
    en: "This share has a fee: pay it first. Nothing was shared.",
  },
  share_access_denied: {
    fr: "Le code d'accès ou le code reçu par courriel est incorrect.",
    en: "The passcode or the emailed code is incorrect.",
  },
  share_not_active: {
    fr: "Ce partage a été révoqué : il ne peut plus changer.",
    en: "This share was revoked: it can no longer change.",
  },
  share_extension_limit: {
    fr: "Un partage dure au plus un an après sa création : il ne peut pas être prolongé davantage.",
    en: "A share lasts at most one year after it was created: it cannot be extended further.",
  },
  share_used_up: {
    fr: "Ce lien a atteint sa limite de consultations et de téléchargements : demandez un nouveau lien à la personne qui vous l'a transmis.",
    en: "This link has reached its limit of views and downloads: ask the person who sent it for a new link.",
  },
  shared_file_not_issued: {
    fr: "Le fichier enregistré ne correspond pas au document délivré par l'établissement : le portail ne le transmet pas. Communiquez avec l'établissement.",
    en: "The stored file does not match the document the institution issued: the portal does not deliver it. Contact the institution.",
  },
  payments_unavailable: {
    fr: "Les frais ne peuvent pas être payés pour le moment : aucun service de paiement n'est configuré sur ce portail. Rien ne vous a été facturé et rien n'a été débloqué. Écrivez à l'établissement.",
    en: "Fees cannot be paid right now: no payment service is configured on this portal. You were not charged and nothing was unlocked. Please contact the institution.",
  },
  payment_gateway_failed: {
    fr: "Le service de paiement n'a pas répondu. Rien ne vous a été facturé; réessayez dans quelques minutes.",
    en: "The payment service did not answer. You were not charged; try again in a few minutes.",
  },
  payment_signature_invalid: {
    fr: "Notification de paiement refusée : signature invalide.",
    en: "Payment notification refused: invalid signature.",
  },
  payment_not_required: {
    fr: "Ce document est gratuit : aucun paiement n'est nécessaire.",
    en: "This document is free: no payment is needed.",
  },
  payment_being_confirmed: {
    fr: "Votre paiement est en cours de confirmation : le document sera débloqué dans un instant. Actualisez la page dans quelques secondes.",
    en: "Your payment is being confirmed: the document unlocks in a moment. Refresh the page in a few seconds.",
  },
  document_already_unlocked: {
    fr: "Ce document est déjà débloqué : aucun nouveau paiement n'est nécessaire.",
    en: "This document is already unlocked: no new payment is needed.",
  },
  payment_purpose_unsupported: {
    fr: "Le paiement des partages n'est pas encore offert.",
    en: "Paying for shares is not available yet.",
  },
  payment_not_refundable: {
    fr: "Seul un paiement reçu, et pas encore remboursé, peut être remboursé.",
    en: "Only a payment received and not yet refunded can be refunded.",
  },
  document_locked: {
    fr: "Ce document doit être débloqué (frais de l'établissement) avant d'être téléchargé.",
    en: "This document must be unlocked (the institution's fee) before it can be downloaded.",
  },
  download_not_allowed: {
    fr: "L'établissement ne permet pas le téléchargement de ce type de document.",
    en: "The institution does not allow downloading this type of document.",
  },
  internal: {
    fr: "Une erreur inattendue est survenue. Réessayez plus tard.",
    en: "An unexpected error occurred. Please try again later.",
  },
};

/** "Try again in 15 minutes": the wait of a too_many_attempts answer, in words (seconds, minutes or hours, rounded up). */
export function tooManyAttemptsMessage(seconds: number): Bilingual {
  const s = Math.max(1, Math.ceil(seconds));
  const [n, fr, en] =
    s < 60
      ? [s, "seconde", "second"]
      : s < 2 * 3600
        ? [Math.ceil(s / 60), "minute", "minute"]
        : [Math.ceil(s / 3600), "heure", "hour"];
  const plural = n > 1 ? "s" : "";
  return {
    fr: `Trop de tentatives. Réessayez dans ${n} ${fr}${plural}.`,
    en: `Too many attempts. Try again in ${n} ${en}${plural}.`,
  };
}
