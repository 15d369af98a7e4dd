import { z } from "zod";
import { ShareSummaryOut } from "./share-schemas.ts";

const PaymentPurpose = z.enum(["unlock", "share"]);

const PaymentStatus = z.enum(["pending", "paid", "expired", "refunded", "failed"]);

export const CheckoutOut = z.object({ paymentId: z.string(), url: z.string() });

export const QuoteOut = z.object({
  documentId: z.string(),
  amountCents: z.number(),
  currency: z.string(),
  formatted: z.string(),
  unlocked: z.boolean(),
});

export const PaymentOut = z.object({
  id: z.string(),
  purpose: PaymentPurpose,
  status: PaymentStatus,
  amountCents: z.number(),
  currency: z.string(),
  receiptNumber: z.string().nullable(),
  document: z.object({ id: z.string(), title: z.string() }),
  institution: z.object({ slug: z.string(), nameFr: z.string(), nameEn: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  refundedAt: z.string().nullable(),
});

export const RevenueOut = z.object({
  from: z.string(),
  to: z.string(),
  lines: z.array(
    z.object({
      documentType: z.object({ id: z.string().nullable(), nameFr: z.string(), nameEn: z.string() }),
      purpose: z.enum(["unlock", "share"]),
      currency: z.string(),
      paidCount: z.number(),
      paidCents: z.number(),
      refundedCount: z.number(),
      refundedCents: z.number(),
    }),
  ),
});

/** Where a share payment stands; `created` carries the share and its link once, right after it was made. */
export const SharePaymentStatusOut = z.object({
  status: PaymentStatus,
  created: z.object({ share: ShareSummaryOut, link: z.string().nullable() }).nullable(),
  shareError: z.string().nullable(),
});

/** A payment just refunded. */
export const RefundOut = z.object({ id: z.string(), status: z.string(), refundedAt: z.string().nullable() });
