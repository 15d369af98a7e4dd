/** Domain types of PDF signing (PAdES baselines B-B, B-T, B-LT, B-LTA). */

/**
 * PAdES baseline levels (ETSI EN 319 142-1 §6): B-B the signature; B-T plus a signature timestamp;
 * B-LT plus the validation data (DSS) of the signature and its timestamp; B-LTA plus a document
 * timestamp over it all, renewed before it weakens (docs/signing.md, "Levels").
 */
export const SIGNATURE_LEVELS = ["B-B", "B-T", "B-LT", "B-LTA"] as const;
export type SignatureLevel = (typeof SIGNATURE_LEVELS)[number];

/** Key algorithms supported for institution signing identities. */
export type KeyAlgorithm = "RSA-2048" | "RSA-3072" | "ECDSA-P256";

/** What the signature dictionary says about the signature (visible in every PDF reader). */
export interface SignatureFields {
  /** Signer's name, shown by readers (/Name): the institution. */
  name: string;
  /** Why the document is signed (/Reason). */
  reason: string;
  /** Where (/Location), e.g. the institution's city. */
  location: string;
  /** Written to /M; PAdES forbids the CMS signing-time attribute, so this is the claimed time. */
  signingTime: Date;
  /** Optional /ContactInfo. */
  contactInfo?: string;
}

/**
 * DocMDP permission level written in the certification signature (ISO 32000-2 §12.8.2.2, table 257).
 * 2 = filling forms, instantiating templates and signing are allowed; with PDF 2.0 adding a DSS and
 * document timestamps is allowed at every level, and PDF 1.7 validators (Acrobat) only accept them at
 * P ≥ 2. See docs/signing.md.
 */
export const DOC_MDP_PERMISSION = 2;

/** Signs PDFs with one signing identity; created once, used for many documents. */
export interface PdfSigner {
  /** Returns the signed PDF (the input plus one incremental update). */
  sign(pdf: Uint8Array, fields: SignatureFields): Promise<Uint8Array>;
}

/** A PDF with an empty signature appended, waiting for its CMS. */
export interface PreparedSignature {
  /** The whole output file; /Contents is zero-filled. */
  bytes: Uint8Array;
  /** [0, a, b, c]: the signed ranges are [0, a) and [b, b + c). */
  byteRange: [number, number, number, number];
  /** Offset of the first hexadecimal digit of /Contents (= a + 1). */
  contentsStart: number;
  /** Room for the DER-encoded CMS, in bytes (the hex string holds twice as many digits). */
  contentsCapacity: number;
  /** True when the signature is a certification (DocMDP) signature. */
  certification: boolean;
}

/** Options of {@link prepareSignatureUpdate}. */
export type PrepareOptions = PrepareCommon &
  (
    | { kind?: "signature"; fields: SignatureFields }
    /** A document timestamp (PAdES B-LTA, ISO 32000-2 §12.8.5): /Type /DocTimeStamp, /SubFilter /ETSI.RFC3161, no signer fields. */
    | { kind: "document_timestamp" }
  );

interface PrepareCommon {
  /** Bytes reserved for the CMS SignedData. */
  contentsCapacity: number;
  /** Name of the signature field (/T); made unique if taken. Default "Signature1". */
  fieldName?: string;
  /** Software name recorded in /Prop_Build (default "Sceau"). */
  application?: string;
}

/** A QR code's modules, `size` × `size`, row by row from the top: 1 is dark, 0 is light. */
export interface QrMatrix {
  size: number;
  modules: Uint8Array;
}
