CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "learners_search_trgm_idx" ON "learners" USING gin ("search_text" gin_trgm_ops);