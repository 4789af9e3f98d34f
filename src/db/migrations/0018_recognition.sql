CREATE TABLE "card_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"rule_key" text NOT NULL,
	"confirmed_on" date NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"confirmed_minutes" integer NOT NULL,
	"year_minutes" integer[] NOT NULL,
	"validity_years" integer NOT NULL,
	"card_issued_on" date,
	"card_expires_on" date,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "card_confirmations_rule_check" CHECK ("card_confirmations"."rule_key" in ('niedersachsen', 'hessen')),
	CONSTRAINT "card_confirmations_minutes_check" CHECK ("card_confirmations"."confirmed_minutes" >= 0),
	CONSTRAINT "card_confirmations_years_check" CHECK (cardinality("card_confirmations"."year_minutes") between 1 and 10),
	CONSTRAINT "card_confirmations_validity_check" CHECK ("card_confirmations"."validity_years" between 1 and 10),
	CONSTRAINT "card_confirmations_period_check" CHECK ("card_confirmations"."period_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and "card_confirmations"."period_to" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and "card_confirmations"."period_from" <= "card_confirmations"."period_to"),
	CONSTRAINT "card_confirmations_card_check" CHECK (("card_confirmations"."card_issued_on" is null) = ("card_confirmations"."card_expires_on" is null) and ("card_confirmations"."card_expires_on" is null or "card_confirmations"."card_expires_on" > "card_confirmations"."card_issued_on"))
);
--> statement-breakpoint
ALTER TABLE "card_confirmations" ADD CONSTRAINT "card_confirmations_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_confirmations" ADD CONSTRAINT "card_confirmations_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_confirmations" ADD CONSTRAINT "card_confirmations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_confirmations_guide_idx" ON "card_confirmations" USING btree ("guide_id");--> statement-breakpoint
CREATE INDEX "card_confirmations_office_expiry_idx" ON "card_confirmations" USING btree ("office_id","card_expires_on");