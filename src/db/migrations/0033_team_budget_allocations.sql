CREATE TABLE "team_budget_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"hours" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_budget_allocations_guide_year_key" UNIQUE("guide_id","year"),
	CONSTRAINT "team_budget_allocations_hours_check" CHECK ("team_budget_allocations"."hours" between 0 and 3000),
	CONSTRAINT "team_budget_allocations_year_check" CHECK ("team_budget_allocations"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "team_budget_allocations" ADD CONSTRAINT "team_budget_allocations_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_budget_allocations" ADD CONSTRAINT "team_budget_allocations_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_budget_allocations_office_year_idx" ON "team_budget_allocations" USING btree ("office_id","year");