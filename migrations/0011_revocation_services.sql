-- Revocation services of the portal CAs (issue 14): delegated OCSP signing certificates per CA,
-- a CA revoked by the one above it, and the RFC 5280 reason of a revocation.
CREATE TABLE "ocsp_signers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"certificate" "bytea" NOT NULL,
	"sealed_key" "bytea" NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portal_authorities" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal_authorities" ADD COLUMN "revocation_reason" text;--> statement-breakpoint
ALTER TABLE "signing_identities" ADD COLUMN "revocation_reason" text;--> statement-breakpoint
ALTER TABLE "ocsp_signers" ADD CONSTRAINT "ocsp_signers_authority_id_portal_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."portal_authorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ocsp_signers_authority_idx" ON "ocsp_signers" USING btree ("authority_id","not_after");