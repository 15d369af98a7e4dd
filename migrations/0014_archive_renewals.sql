-- Renewals of PAdES B-LTA archive timestamps (issue 14): when each document's newest archive timestamp expires, and the files before each renewal.
CREATE TABLE "document_archive_renewals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"previous_sha256" text NOT NULL,
	"previous_byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"archive_until" timestamp with time zone NOT NULL,
	"renewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "archive_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "document_archive_renewals" ADD CONSTRAINT "document_archive_renewals_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_archive_renewals_document_idx" ON "document_archive_renewals" USING btree ("document_id","previous_sha256");--> statement-breakpoint
CREATE INDEX "documents_archive_until_idx" ON "documents" USING btree ("archive_until");