CREATE TABLE "throttle_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key_hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreements" DROP CONSTRAINT "agreements_assignment_id_unique";--> statement-breakpoint
DROP INDEX "assignments_request_unique";--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "approved_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "insurance" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "guide_confirmed_by" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "partner_confirmed_by" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "change_note" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "created_by_name" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "via" text;--> statement-breakpoint
ALTER TABLE "guides" ADD COLUMN "capacity_ceiling" integer;--> statement-breakpoint
ALTER TABLE "guides" ADD COLUMN "confidentiality_pledge_version" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "secret_payload" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "meeting_point" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "on_site_contact" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "guides_needed" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "specialization" text;--> statement-breakpoint
CREATE INDEX "throttle_events_key_at_idx" ON "throttle_events" USING btree ("key_hash","at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_assignment_version_unique" ON "agreements" USING btree ("assignment_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_request_guide_unique" ON "assignments" USING btree ("request_id","guide_id");--> statement-breakpoint
CREATE INDEX "assignments_request_idx" ON "assignments" USING btree ("request_id");--> statement-breakpoint
-- Existing data: a pledge on record gets the version its consent has; the coordinator-set capacity becomes the ceiling.
UPDATE "guides" SET "confidentiality_pledge_version" = "consent_version" WHERE "confidentiality_pledge_at" IS NOT NULL;--> statement-breakpoint
UPDATE "guides" SET "capacity_ceiling" = "max_active_assignments";--> statement-breakpoint
-- Secret links stored in the clear by earlier versions are removed from the outbox for good.
UPDATE "outbox" SET "body_text" = regexp_replace("body_text", '(/(invitation|reset-password|offers/answer)/)[A-Za-z0-9_-]+', '\1[…]', 'g');
