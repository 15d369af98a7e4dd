CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"signing_identity_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"superseded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_status_check" CHECK ("documents"."status" in ('active', 'revoked', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "portal_authorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"certificate" "bytea" NOT NULL,
	"sealed_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_authorities_kind_check" CHECK ("portal_authorities"."kind" in ('root', 'issuing'))
);
--> statement-breakpoint
CREATE TABLE "signing_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"chain_pem" text NOT NULL,
	"sealed_key" "bytea" NOT NULL,
	"serial_number" text NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "stamp_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "tsa_url" text;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_signing_identity_id_signing_identities_id_fk" FOREIGN KEY ("signing_identity_id") REFERENCES "public"."signing_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_identities" ADD CONSTRAINT "signing_identities_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_institution_idx" ON "documents" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "documents_sha256_idx" ON "documents" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_identities_active_idx" ON "signing_identities" USING btree ("institution_id") WHERE "signing_identities"."retired_at" is null;