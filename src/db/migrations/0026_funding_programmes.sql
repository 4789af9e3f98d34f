CREATE TABLE "funding_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "programme_id" uuid;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "programme_id" uuid;--> statement-breakpoint
CREATE INDEX "funding_programmes_region_idx" ON "funding_programmes" USING btree ("region");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_programme_id_funding_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funding_programmes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_programme_id_funding_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funding_programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offices_programme_idx" ON "offices" USING btree ("programme_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_funder_programme_check" CHECK (("users"."role" = 'funder') = ("users"."programme_id" is not null) and ("users"."role" <> 'funder' or "users"."office_id" is null));