import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, id, tstz } from "./columns.ts";
import { institutions } from "./institutions.ts";

// The portal's certification authorities and the institutions' signing identities.

/** The portal's own certification authorities (development PKI): a root, an issuing CA and the built-in TSA. */
export const portalAuthorities = pgTable(
  "portal_authorities",
  {
    id: id(),
    kind: text("kind").notNull(),
    certificate: bytea("certificate").notNull(),
    /** The private key, sealed under the master key (AES-256-GCM envelope). */
    sealedKey: bytea("sealed_key").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    /** Revoked by the CA above it (`sceau pki revoke-ca`): listed in the root's CRL and OCSP answers. */
    revokedAt: tstz("revoked_at"),
    /** RFC 5280 CRLReason name (keyCompromise, cACompromise…), null when unspecified. */
    revocationReason: text("revocation_reason"),
  },
  (t) => [check("portal_authorities_kind_check", sql`${t.kind} in ('root', 'issuing', 'tsa')`)],
);

/** An institution's signing certificate chain and sealed key. One active (not retired) per institution. */
/** Delegated OCSP signing certificates (EKU OCSPSigning, ocsp-nocheck), one line per certificate, issued by a portal CA. */
export const ocspSigners = pgTable(
  "ocsp_signers",
  {
    id: id(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => portalAuthorities.id, { onDelete: "cascade" }),
    certificate: bytea("certificate").notNull(),
    /** The private key, sealed under the master key (AES-256-GCM envelope). */
    sealedKey: bytea("sealed_key").notNull(),
    notAfter: tstz("not_after").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("ocsp_signers_authority_idx").on(t.authorityId, t.notAfter)],
);

export const signingIdentities = pgTable(
  "signing_identities",
  {
    id: id(),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    algorithm: text("algorithm").notNull(),
    /** PEM certificates: the signer first, then its issuers. */
    chainPem: text("chain_pem").notNull(),
    sealedKey: bytea("sealed_key").notNull(),
    serialNumber: text("serial_number").notNull(),
    notAfter: tstz("not_after").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    retiredAt: tstz("retired_at"),
    revokedAt: tstz("revoked_at"),
    /** RFC 5280 CRLReason name (keyCompromise, superseded…), null when unspecified. */
    revocationReason: text("revocation_reason"),
  },
  (t) => [
    uniqueIndex("signing_identities_active_idx").on(t.institutionId).where(sql`${t.retiredAt} is null`),
  ],
);
