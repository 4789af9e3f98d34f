CREATE TABLE "directory_entries" (
	"office_id" uuid PRIMARY KEY NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"description" jsonb DEFAULT '{"de":"","en":"","ar":""}'::jsonb NOT NULL,
	"how_to_get_help" jsonb DEFAULT '{"de":"","en":"","ar":""}'::jsonb NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"contact_email" text,
	"contact_phone" text,
	"website" text,
	"show_languages" boolean DEFAULT true NOT NULL,
	"field_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"show_volunteer_form" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_entries_lat_check" CHECK ("directory_entries"."lat" is null or ("directory_entries"."lat" between -90 and 90)),
	CONSTRAINT "directory_entries_lon_check" CHECK ("directory_entries"."lon" is null or ("directory_entries"."lon" between -180 and 180)),
	CONSTRAINT "directory_entries_point_check" CHECK (("directory_entries"."lat" is null) = ("directory_entries"."lon" is null))
);
--> statement-breakpoint
ALTER TABLE "directory_entries" ADD CONSTRAINT "directory_entries_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;