CREATE TABLE "guide_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"audit_event_id" uuid NOT NULL,
	"previous" jsonb NOT NULL,
	"corrected_by_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "guide_corrections" ADD CONSTRAINT "guide_corrections_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_corrections" ADD CONSTRAINT "guide_corrections_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_corrections" ADD CONSTRAINT "guide_corrections_audit_event_id_audit_events_id_fk" FOREIGN KEY ("audit_event_id") REFERENCES "public"."audit_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_corrections_guide_idx" ON "guide_corrections" USING btree ("guide_id");--> statement-breakpoint
CREATE INDEX "guide_corrections_event_idx" ON "guide_corrections" USING btree ("audit_event_id");