import { type AuditWho, BY_CLI, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { CoreDeps, DocumentRecord } from "../ports.ts";
import { issueSigningIdentity } from "./issue-signing-identity.ts";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** True when the first kilobyte holds the %PDF- header. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= end; i++) if (PDF_MAGIC.every((b, j) => bytes[i + j] === b)) return true;
  return false;
}

/** The document's public verification page (the QR code's target). */
export const verificationUrl = (publicUrl: string, documentId: string) => `${publicUrl}/v/${documentId}`;

/**
 * Signs one PDF on the institution's behalf: adds the verification notice when the institution
 * wants it, signs (PAdES B-B, or B-T with its timestamp authority) and records the document in the
 * registry. Outside production an institution without a certificate gets one from the portal's PKI.
 */
export async function signDocument(
  deps: CoreDeps,
  input: { institution: Institution; pdf: Uint8Array; title: string; who?: AuditWho },
): Promise<{ document: DocumentRecord; bytes: Uint8Array }> {
  const { institution } = input;
  if (!looksLikePdf(input.pdf)) throw new DomainError("not_a_pdf");
  let identity = await deps.stores.signingIdentities.active(institution.id);
  if (!identity) {
    if (!deps.settings.developmentPki) throw new DomainError("signing_identity_missing");
    identity = await issueSigningIdentity(deps, institution, "RSA-2048", input.who ?? BY_CLI);
  }
  const id = deps.newId();
  const signedAt = deps.clock.now();
  let bytes: Uint8Array;
  try {
    const prepared = institution.stampEnabled
      ? await deps.pdf.stamp(input.pdf, { url: verificationUrl(deps.settings.publicUrl, id), documentId: id })
      : input.pdf;
    bytes = await deps.keys.signerFor(identity, institution.tsaUrl).sign(prepared, {
      name:
        institution.nameFr === institution.nameEn
          ? institution.nameFr
          : `${institution.nameFr} / ${institution.nameEn}`,
      reason: `Document officiel délivré par ${institution.nameFr} / Official document issued by ${institution.nameEn}`,
      location: "Canada",
      signingTime: signedAt,
      contactInfo: verificationUrl(deps.settings.publicUrl, id),
    });
  } catch (cause) {
    throw new DomainError("pdf_unsignable", { cause });
  }
  const signed = bytes;
  const document = await deps.transact(async (stores) => {
    const created = await stores.documents.create({
      id,
      institutionId: institution.id,
      title: input.title,
      sha256: deps.pdf.sha256(signed),
      byteSize: signed.byteLength,
      signingIdentityId: identity.id,
      signedAt,
    });
    await recordAudit(deps, stores, input.who ?? BY_CLI, {
      institutionId: institution.id,
      action: "document.signed",
      targetType: "document",
      targetId: id,
      details: { title: input.title, sha256: created.sha256 },
    });
    return created;
  });
  return { document, bytes };
}
