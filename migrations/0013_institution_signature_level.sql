-- PAdES level of an institution's signatures (issue 14): null means B-LTA with a timestamp authority, else B-B.
ALTER TABLE "institutions" ADD COLUMN "signature_level" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_signature_level_check" CHECK ("institutions"."signature_level" in ('B-B', 'B-T', 'B-LT', 'B-LTA'));