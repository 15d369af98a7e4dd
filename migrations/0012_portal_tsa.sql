-- The built-in RFC 3161 timestamp authority (issue 14): its certificate and sealed key among the portal authorities.
ALTER TABLE "portal_authorities" DROP CONSTRAINT "portal_authorities_kind_check";--> statement-breakpoint
ALTER TABLE "portal_authorities" ADD CONSTRAINT "portal_authorities_kind_check" CHECK ("portal_authorities"."kind" in ('root', 'issuing', 'tsa'));