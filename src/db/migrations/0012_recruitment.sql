CREATE TABLE "applicant_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"held_by" uuid,
	"outcome" text NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applicant_conversations_outcome_check" CHECK ("applicant_conversations"."outcome" in ('suitable', 'not_suitable', 'undecided'))
);
--> statement-breakpoint
CREATE TABLE "applicant_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"step_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applicant_steps_status_check" CHECK ("applicant_steps"."status" in ('interested', 'conversation_held', 'enrolled', 'certified', 'active', 'dropped_out'))
);
--> statement-breakpoint
CREATE TABLE "applicants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"locale" text DEFAULT 'de' NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"district_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"motivation" text,
	"consent_text_id" uuid,
	"consent_version" integer,
	"consent_language" text,
	"consent_given_at" timestamp with time zone,
	"status" text DEFAULT 'interested' NOT NULL,
	"status_on" date DEFAULT current_date NOT NULL,
	"drop_out_reason" text,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"email_confirmed_at" timestamp with time zone,
	"guide_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applicants_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "applicants_status_check" CHECK ("applicants"."status" in ('interested', 'conversation_held', 'enrolled', 'certified', 'active', 'dropped_out'))
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "applicant_conversations" ADD CONSTRAINT "applicant_conversations_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicant_conversations" ADD CONSTRAINT "applicant_conversations_applicant_id_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."applicants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicant_conversations" ADD CONSTRAINT "applicant_conversations_held_by_users_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicant_conversations" ADD CONSTRAINT "applicant_conversations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicant_steps" ADD CONSTRAINT "applicant_steps_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicant_steps" ADD CONSTRAINT "applicant_steps_applicant_id_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."applicants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicant_steps" ADD CONSTRAINT "applicant_steps_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicants" ADD CONSTRAINT "applicants_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicants" ADD CONSTRAINT "applicants_consent_text_id_consent_texts_id_fk" FOREIGN KEY ("consent_text_id") REFERENCES "public"."consent_texts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicants" ADD CONSTRAINT "applicants_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applicant_conversations_applicant_idx" ON "applicant_conversations" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "applicant_steps_applicant_idx" ON "applicant_steps" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "applicants_office_status_idx" ON "applicants" USING btree ("office_id","status");--> statement-breakpoint
CREATE INDEX "applicants_office_email_idx" ON "applicants" USING btree ("office_id","email");--> statement-breakpoint
CREATE INDEX "applicants_guide_idx" ON "applicants" USING btree ("guide_id");--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_slug_unique" UNIQUE("slug");--> statement-breakpoint
UPDATE "offices" o SET "slug" = s.slug || CASE WHEN s.n > 1 THEN '-' || left(o.id::text, 8) ELSE '' END
FROM (
  SELECT id, slug, row_number() OVER (PARTITION BY slug ORDER BY created_at, id) AS n FROM (
    SELECT id, created_at, coalesce(nullif(trim(both '-' from regexp_replace(
      replace(replace(replace(replace(lower(name), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
      '[^a-z0-9]+', '-', 'g')), ''), 'buero') AS slug FROM "offices") named
) s WHERE s.id = o.id AND o."slug" IS NULL;
