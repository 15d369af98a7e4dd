CREATE TABLE "document_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"unlock_fee_cents" integer DEFAULT 0 NOT NULL,
	"share_fee_cents" integer DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'CAD' NOT NULL,
	"download_allowed" boolean DEFAULT true NOT NULL,
	"default_share_days" integer DEFAULT 90 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_types_code_unique" UNIQUE("institution_id","code"),
	CONSTRAINT "document_types_fees_check" CHECK ("document_types"."unlock_fee_cents" >= 0 and "document_types"."share_fee_cents" >= 0),
	CONSTRAINT "document_types_share_days_check" CHECK ("document_types"."default_share_days" between 1 and 366),
	CONSTRAINT "document_types_currency_check" CHECK ("document_types"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "learners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"student_number" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date,
	"institutional_email" text,
	"personal_email" text,
	"locale" text DEFAULT 'fr' NOT NULL,
	"user_id" uuid,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learners_student_number_unique" UNIQUE("institution_id","student_number"),
	CONSTRAINT "learners_locale_check" CHECK ("learners"."locale" in ('fr', 'en'))
);
--> statement-breakpoint
ALTER TABLE "document_types" ADD CONSTRAINT "document_types_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learners" ADD CONSTRAINT "learners_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learners" ADD CONSTRAINT "learners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learners_name_idx" ON "learners" USING btree ("institution_id","family_name","given_name","id");