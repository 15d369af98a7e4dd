import type { DocumentStatus } from "../documents/documents.types.ts";
import type { Bilingual } from "../i18n.types.ts";
import type { Inflate } from "./pdf/inflate.ts";
import type { VerificationCache, VerifierCrypto } from "./signature-algorithms.ts";

/** Outcome of one check. "warning" does not make the document invalid; "failed" does. */
export type CheckStatus = "passed" | "failed" | "warning" | "skipped";

/** Checks made on the whole file. */
export type DocumentCheckId =
  | "file"
  | "structure"
  | "encryption"
  | "signatures_present"
  | "signatures_valid"
  | "time_limit"
  | "long_term"
  | "document_status";

/** Checks made on each signature. */
export type SignatureCheckId =
  | "byte_range"
  | "digest"
  | "cms_signature"
  | "signing_certificate"
  | "certificate_chain"
  | "key_usage"
  | "timestamp"
  | "docmdp"
  | "modifications"
  | "revocation";

/** One step of a verification, with a plain-language explanation in French and English. */
export interface VerificationCheck {
  id: DocumentCheckId | SignatureCheckId;
  status: CheckStatus;
  /** Stable machine code of the outcome when it is not a plain pass (e.g. "modified_after_signing"). */
  code?: string;
  message: Bilingual;
  /** For a failed "modifications" check: each disallowed change, named in plain language. */
  reasons?: { code: string; message: Bilingual }[];
}

/** Who signed, from the signer certificate. */
export interface SignerSummary {
  commonName: string | null;
  organization: string | null;
  country: string | null;
  /** Certificate serial number, lowercase hexadecimal. */
  serialNumber: string | null;
  /** Issuer distinguished name, e.g. "CN=Sceau Issuing CA, O=Sceau, C=CA". */
  issuer: string | null;
}

/** An RFC 3161 timestamp found in a signature (or a document timestamp). */
export interface TimestampSummary {
  /** ISO 8601 time from the token's genTime. */
  time: string;
  /** The timestamp authority's name (its certificate's common name, or the token's tsa field). */
  tsa: string | null;
}

/** The verification of one signature (or document timestamp) of the file. */
export interface SignatureReport {
  /** The signature field's name (/T). */
  fieldName: string | null;
  kind: "signature" | "document_timestamp";
  subFilter: string | null;
  signer: SignerSummary;
  /** ISO time: the timestamp's time when a valid one exists, else the dictionary's /M, else null. */
  signedAt: string | null;
  timestamp: TimestampSummary | null;
  /** True when the signed ranges cover the whole file (nothing appended after). */
  coversWholeDocument: boolean;
  /** DocMDP permission level (1–3) of a certification signature, else null. */
  docMdpLevel: number | null;
  /** /Name, /Reason, /Location of the signature dictionary (claims of the signer, not verified). */
  claimed: { name: string | null; reason: string | null; location: string | null };
  checks: VerificationCheck[];
}

/** A document's state in the portal's registry; filled by the caller, not by the verifier. */
export interface RegistryStatus {
  status: DocumentStatus | "unknown";
  /** ISO time of revocation. */
  revokedAt?: string;
  reason?: string;
  /** Id of the document that replaces this one. */
  supersededBy?: string;
}

/**
 * PAdES baseline level (ETSI EN 319 142-1 §6): B-B a signature only; B-T with a valid signature
 * timestamp; B-LT with, in the DSS, revocation data for every certificate below the anchors of the
 * signer's and the signature timestamp authority's paths; B-LTA when a valid document timestamp
 * also covers that data.
 */
export type LongTermLevel = "B-B" | "B-T" | "B-LT" | "B-LTA";

/** How long the document can be validated as it is (the weakest of its signatures). */
export interface LongTermSummary {
  /** Null when the document is not valid (or has no signature). */
  level: LongTermLevel | null;
  /**
   * ISO time after which the proofs in the file no longer suffice: the earliest expiry of the
   * certificate paths the level rests on (the newest document timestamp's TSA for B-LTA, the
   * signature timestamp's TSA for B-LT, that and the signer's for B-T, the signer's for B-B).
   */
  protectedUntil: string | null;
}

/** The step-by-step result of checking a PDF (DESIGN.md convention 4). */
export interface VerificationReport {
  /** True only when every signature passed every check and nothing failed on the file. */
  valid: boolean;
  checks: VerificationCheck[];
  signatures: SignatureReport[];
  /** PAdES level and protection horizon (also explained by the document check `long_term`). */
  longTerm: LongTermSummary;
  document: {
    /** The Sceau document id embedded in the signed file (/SceauDocumentId in the Info dictionary). */
    id: string | null;
    status?: RegistryStatus;
  };
}

/** What the verifier needs; it does no I/O of its own. */
export interface VerificationContext {
  /** Root certificates accepted (portal roots plus configured extra roots), DER. */
  trustAnchorsDer: readonly Uint8Array[];
  /** The time of verification. */
  now: Date;
  /** Largest file accepted (default 50 MiB). */
  maxBytes?: number;
  /** Time budget in milliseconds (default 10 s). */
  deadlineMs?: number;
  /** Optional faster inflater (e.g. node:zlib); default is DecompressionStream. */
  inflate?: Inflate;
  /** Monotonic milliseconds for the time budget (default performance.now). */
  monotonicMs?: () => number;
  /** Digest and signature primitives (default WebCrypto; `nodeVerifierCrypto()` in adapters is faster). */
  crypto?: VerifierCrypto;
  /** Keep one (`createVerificationCache()`) across calls to skip re-parsing and re-verifying known certificates. */
  cache?: VerificationCache;
}
