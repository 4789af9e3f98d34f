CREATE TABLE "retention_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"reason" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"released_by_user_id" uuid,
	CONSTRAINT "retention_holds_entity_type_check" CHECK ("retention_holds"."entity_type" in ('guide', 'request', 'partner_contact')),
	CONSTRAINT "retention_holds_rule_check" CHECK ("retention_holds"."rule" in ('background_check', 'guide_personal_data', 'person_data'))
);
--> statement-breakpoint
ALTER TABLE "guides" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "person_anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "retention_holds_active_unique" ON "retention_holds" USING btree ("entity_id","rule") WHERE released_at is null;--> statement-breakpoint
CREATE INDEX "retention_holds_office_idx" ON "retention_holds" USING btree ("office_id");