CREATE TABLE "guide_hour_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"coordinating" boolean DEFAULT false NOT NULL,
	"benefits" text DEFAULT 'none' NOT NULL,
	"tax_free_kind" text DEFAULT 'ehrenamtspauschale' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_hour_profiles_guide_key" UNIQUE("guide_id"),
	CONSTRAINT "guide_hour_profiles_benefits_check" CHECK ("guide_hour_profiles"."benefits" in ('none', 'buergergeld', 'asylblg')),
	CONSTRAINT "guide_hour_profiles_tax_free_kind_check" CHECK ("guide_hour_profiles"."tax_free_kind" in ('ehrenamtspauschale', 'uebungsleiterpauschale'))
);
--> statement-breakpoint
ALTER TABLE "hour_entries" ADD COLUMN "replaces_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "guide_hour_profiles" ADD CONSTRAINT "guide_hour_profiles_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_hour_profiles" ADD CONSTRAINT "guide_hour_profiles_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_entries" ADD CONSTRAINT "hour_entries_replaces_entry_id_hour_entries_id_fk" FOREIGN KEY ("replaces_entry_id") REFERENCES "public"."hour_entries"("id") ON DELETE restrict ON UPDATE no action;