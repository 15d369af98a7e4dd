import { z } from "zod";
import { ErrorBody } from "./schemas.ts";

const Names = z.object({ nameFr: z.string(), nameEn: z.string() });
const Channel = z.enum(["email", "link", "public", "organization"]);

export const ShareSummaryOut = z.object({
  id: z.string(),
  channel: Channel,
  status: z.enum(["active", "locked", "used_up", "expired", "revoked"]),
  recipientEmail: z.string().nullable(),
  organization: Names.extend({ id: z.string() }).nullable(),
  hasPasscode: z.boolean(),
  maxViews: z.number().int().nullable(),
  viewCount: z.number().int(),
  downloadCount: z.number().int(),
  downloadAllowed: z.boolean(),
  notifyOnFirstView: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  extendableUntil: z.string(),
  documents: z.array(z.object({ id: z.string(), title: z.string() })),
  events: z.array(
    z.object({
      kind: z.enum(["view", "download", "retrieved", "access_failed", "locked"]),
      documentId: z.string().nullable(),
      organization: Names.nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const ShareQuoteOut = z.object({
  amountCents: z.number().int(),
  currency: z.string().nullable(),
  items: z.array(
    z.object({
      documentId: z.string(),
      institutionId: z.string(),
      amountCents: z.number().int(),
      currency: z.string(),
    }),
  ),
});

/** A stored file's verdict against its record (FileVerdict): the verification page's words. */
export const FileVerdictOut = z.discriminatedUnion("verdict", [
  z.object({ verdict: z.enum(["valid", "revoked", "superseded"]), why: z.null() }),
  z.object({
    verdict: z.literal("invalid"),
    why: z.enum([
      "unreadable",
      "notSigned",
      "modified",
      "untrusted",
      "damagedSignature",
      "timestamp",
      "signatureFailed",
      "generic",
    ]),
  }),
  z.object({ verdict: z.literal("unknown"), why: z.enum(["otherDocument", "notSceau", "notIssuedFile"]) }),
]);

const SharedDocumentOut = z.object({
  id: z.string(),
  title: z.string(),
  issueDate: z.string().nullable(),
  signedAt: z.string(),
  status: z.enum(["active", "revoked", "superseded"]),
  check: FileVerdictOut,
  revokedAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
  learnerName: z.string(),
  institution: Names.extend({ slug: z.string(), hasLogo: z.boolean() }),
  documentType: Names.nullable(),
  downloadAllowed: z.boolean(),
});

export const UnavailableShareOut = z.object({
  state: z.literal("unavailable"),
  reason: z.enum(["expired", "revoked", "used_up"]),
  institutions: z.array(Names),
});

export const RecipientShareOut = z.discriminatedUnion("state", [
  z.object({
    state: z.literal("open"),
    shareId: z.string(),
    channel: Channel,
    recipient: z.string().nullable(),
    learnerName: z.string(),
    message: z.string().nullable(),
    expiresAt: z.string(),
    usesLeft: z.number().int().nullable(),
    documents: z.array(SharedDocumentOut),
  }),
  z.object({
    state: z.literal("locked"),
    needs: z.object({ passcode: z.boolean(), code: z.boolean() }),
    emailHint: z.string().nullable(),
    learnerName: z.string(),
    lockedUntil: z.string().nullable(),
  }),
  UnavailableShareOut,
]);

/** A 404 that, for a link that existed, says why it no longer opens and whom to ask. */
export const ShareNotFoundOut = ErrorBody.extend({ share: UnavailableShareOut.optional() });
