import { type AuditWho, BY_CLI, recordAudit } from "../audit/record-audit.ts";
import type { DocumentRecord } from "../documents/documents.ports.ts";
import { DomainError } from "../errors.ts";
import type { Institution } from "../institutions/institutions.types.ts";
import type { CoreDeps } from "../ports.ts";
import { portalTrustAnchors } from "../verification/verify-document.ts";
import { issueSigningIdentity } from "./issue-signing-identity.ts";
import { signatureLevelOf, timestampAuthorityFor } from "./signature-level.ts";
import type { SigningIdentityRecord } from "./signing.ports.ts";
import type { SignatureLevel } from "./signing.types.ts";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** True when the first kilobyte holds the %PDF- header. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= end; i++) if (PDF_MAGIC.every((b, j) => bytes[i + j] === b)) return true;
  return false;
}

/** The document's public verification page (the QR code's target). */
export const verificationUrl = (publicUrl: string, documentId: string) => `${publicUrl}/v/${documentId}`;

/** The institution's active signing identity; outside production one is issued on demand by the portal's PKI. */
export async function signingIdentityFor(
  deps: CoreDeps,
  institution: Institution,
  who: AuditWho,
): Promise<SigningIdentityRecord> {
  const identity = await deps.stores.signingIdentities.active(institution.id);
  if (identity) return identity;
  if (!deps.settings.developmentPki) throw new DomainError("signing_identity_missing");
  try {
    return await issueSigningIdentity(deps, institution, "RSA-2048", who);
  } catch (err) {
    // Two first documents at once: both found none, the other one's identity won the unique
    // "one active identity" index. Sign with it.
    const winner = await deps.stores.signingIdentities.active(institution.id);
    if (winner) return winner;
    throw err;
  }
}

/**
 * Adds the verification notice when the institution wants it and signs at the level asked (else
 * the institution's): PAdES B-B, B-T with its timestamp authority, B-LT with the validation data
 * of the signature and its timestamp in a DSS, B-LTA with a document timestamp over it all. Pure
 * work on bytes: records nothing; `archiveUntil` is when a B-LTA file's archive timestamp needs
 * renewing. Throws not_a_pdf, tsa_required, pdf_unsignable, and
 * validation_data_unavailable when the TSA or a revocation service does not answer.
 */
export async function signPdf(
  deps: CoreDeps,
  institution: Institution,
  identity: SigningIdentityRecord,
  pdf: Uint8Array,
  document: { id: string; signedAt: Date },
  levelOverride?: SignatureLevel | null,
): Promise<{ bytes: Uint8Array; archiveUntil: Date | null }> {
  if (!looksLikePdf(pdf)) throw new DomainError("not_a_pdf");
  const level = signatureLevelOf(institution, levelOverride);
  const tsaUrl = timestampAuthorityFor(institution, level);
  const url = verificationUrl(deps.settings.publicUrl, document.id);
  let signed: Uint8Array;
  try {
    const prepared = institution.stampEnabled
      ? await deps.pdf.stamp(pdf, { url, documentId: document.id })
      : pdf;
    signed = await deps.keys.signerFor(identity, tsaUrl).sign(prepared, {
      name:
        institution.nameFr === institution.nameEn
          ? institution.nameFr
          : `${institution.nameFr} / ${institution.nameEn}`,
      reason: `Document officiel délivré par ${institution.nameFr} / Official document issued by ${institution.nameEn}`,
      location: "Canada",
      signingTime: document.signedAt,
      contactInfo: url,
    });
  } catch (cause) {
    throw new DomainError(tsaUrl && isUnreachable(cause) ? "validation_data_unavailable" : "pdf_unsignable", {
      cause,
    });
  }
  if (level === "B-B" || level === "B-T" || !tsaUrl) return { bytes: signed, archiveUntil: null };
  try {
    const anchors = await portalTrustAnchors(deps);
    const now = deps.clock.now();
    const withData = await deps.ltv.addValidationData(signed, anchors, now);
    if (level === "B-LT") return { bytes: withData, archiveUntil: null };
    return await deps.ltv.addArchiveTimestamp(withData, tsaUrl, anchors, now);
  } catch (cause) {
    throw new DomainError("validation_data_unavailable", { cause });
  }
}

/** A failure of the network or of the remote service (the timestamp client's), not of the PDF. */
const isUnreachable = (e: unknown) =>
  e instanceof Error && (e.name === "TimestampError" || e.name === "TypeError" || e.name === "AbortError");

/**
 * Signs one PDF on the institution's behalf (`sceau sign`) and records the document in the
 * registry, not tied to a learner.
 */
export async function signDocument(
  deps: CoreDeps,
  input: { institution: Institution; pdf: Uint8Array; title: string; who?: AuditWho; level?: SignatureLevel },
): Promise<{ document: DocumentRecord; bytes: Uint8Array }> {
  const { institution } = input;
  if (!looksLikePdf(input.pdf)) throw new DomainError("not_a_pdf");
  const identity = await signingIdentityFor(deps, institution, input.who ?? BY_CLI);
  const id = deps.newId();
  const signedAt = deps.clock.now();
  // The portal keeps no copy of a file signed here: its archive timestamp is the holder's to renew.
  const { bytes: signed } = await signPdf(
    deps,
    institution,
    identity,
    input.pdf,
    { id, signedAt },
    input.level,
  );
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
  return { document, bytes: signed };
}
