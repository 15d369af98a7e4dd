import { and, asc, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { Db } from "./open-database.ts";
import {
  identityProviders,
  institutionDataKeys,
  ocspSigners,
  payments,
  portalAuthorities,
  signingIdentities,
  userTotp,
} from "./schema.ts";

/** Every kind of value sealed under the master key, one per column (or JSON field) holding it. */
export const SEALED_KINDS = [
  "portal-authorities",
  "ocsp-signers",
  "signing-identities",
  "institution-data-keys",
  "sign-on-secrets",
  "totp-secrets",
  "share-payment-passcodes",
  "share-payment-links",
] as const;
export type SealedKind = (typeof SEALED_KINDS)[number];

/**
 * One sealed value. `context` is what its key-encryption key is bound to: the institution (data
 * keys), the user (TOTP secrets, share-payment passcodes), the payment (share-payment links), or
 * nothing. Share-payment secrets are base64 text in payments.intent; here they are bytes like the rest.
 */
export interface SealedRow {
  id: string;
  context: string;
  sealed: Uint8Array;
}

export interface SealedChange {
  id: string;
  from: Uint8Array;
  to: Uint8Array;
}

/** The sealed values, for re-sealing them under a new master key (`sceau keys rotate-master`). */
export interface SealedSecretRows {
  /** Up to `limit` rows of a kind after the id `after` (null: from the start), by id. */
  page(kind: SealedKind, after: string | null, limit: number): Promise<SealedRow[]>;
  /**
   * Writes each new sealed value in one transaction, only where the row still holds the value read
   * (a row changed meanwhile by the running portal keeps its change); returns how many were written.
   */
  replace(kind: SealedKind, changes: SealedChange[]): Promise<number>;
}

const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));
const toBase64 = (b: Uint8Array) => bytes(b).toString("base64");

export function sealedSecretRows(db: Db): SealedSecretRows {
  const column = (kind: SealedKind) => {
    switch (kind) {
      case "portal-authorities":
        return {
          table: portalAuthorities,
          id: portalAuthorities.id,
          sealed: portalAuthorities.sealedKey,
          field: "sealedKey",
        };
      case "ocsp-signers":
        return { table: ocspSigners, id: ocspSigners.id, sealed: ocspSigners.sealedKey, field: "sealedKey" };
      case "signing-identities":
        return {
          table: signingIdentities,
          id: signingIdentities.id,
          sealed: signingIdentities.sealedKey,
          field: "sealedKey",
        };
      case "institution-data-keys":
        return {
          table: institutionDataKeys,
          id: institutionDataKeys.institutionId,
          sealed: institutionDataKeys.wrappedKey,
          field: "wrappedKey",
        };
      case "sign-on-secrets":
        return {
          table: identityProviders,
          id: identityProviders.id,
          sealed: identityProviders.sealedSecret,
          field: "sealedSecret",
        };
      case "totp-secrets":
        return { table: userTotp, id: userTotp.userId, sealed: userTotp.sealedSecret, field: "sealedSecret" };
      default:
        return null;
    }
  };
  const intentField = (kind: SealedKind) =>
    kind === "share-payment-passcodes" ? "sealedPasscode" : "sealedLink";

  return {
    async page(kind, after, limit) {
      const c = column(kind);
      if (c) {
        const rows = await db
          .select({ id: c.id, sealed: c.sealed })
          .from(c.table)
          .where(and(isNotNull(c.sealed), after ? gt(c.id, after) : undefined))
          .orderBy(asc(c.id))
          .limit(limit);
        return rows.flatMap((r) =>
          r.sealed
            ? [
                {
                  id: r.id,
                  context: kind === "institution-data-keys" || kind === "totp-secrets" ? r.id : "",
                  sealed: r.sealed,
                },
              ]
            : [],
        );
      }
      const field = intentField(kind);
      const value = sql<string | null>`${payments.intent} ->> ${field}`;
      const rows = await db
        .select({ id: payments.id, userId: payments.userId, value })
        .from(payments)
        .where(and(sql`${value} is not null`, after ? gt(payments.id, after) : undefined))
        .orderBy(asc(payments.id))
        .limit(limit);
      return rows.flatMap((r) =>
        r.value
          ? [
              {
                id: r.id,
                context: kind === "share-payment-passcodes" ? r.userId : r.id,
                sealed: fromBase64(r.value),
              },
            ]
          : [],
      );
    },

    async replace(kind, changes) {
      if (changes.length === 0) return 0;
      const c = column(kind);
      return db.transaction(async (tx) => {
        let written = 0;
        for (const change of changes) {
          if (c) {
            const done = await tx
              .update(c.table)
              .set({ [c.field]: bytes(change.to) })
              .where(and(eq(c.id, change.id), eq(c.sealed, bytes(change.from))))
              .returning({ id: c.id });
            written += done.length;
          } else {
            const field = intentField(kind);
            const done = await tx
              .update(payments)
              .set({
                intent: sql`jsonb_set(${payments.intent}, ${`{${field}}`}::text[], to_jsonb(${toBase64(change.to)}::text))`,
              })
              .where(
                and(
                  eq(payments.id, change.id),
                  sql`${payments.intent} ->> ${field} = ${toBase64(change.from)}`,
                ),
              )
              .returning({ id: payments.id });
            written += done.length;
          }
        }
        return written;
      });
    },
  };
}
