CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"text_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"guide_id" uuid,
	"request_id" uuid,
	"language" text NOT NULL,
	"given_at" date NOT NULL,
	"method" text NOT NULL,
	"withdrawn_at" date,
	"withdrawal_method" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_records_kind_check" CHECK ("consent_records"."kind" in ('guide_consent', 'confidentiality_pledge', 'person_consent')),
	CONSTRAINT "consent_records_method_check" CHECK ("consent_records"."method" in ('paper', 'app')),
	CONSTRAINT "consent_records_withdrawal_method_check" CHECK ("consent_records"."withdrawal_method" in ('paper', 'app')),
	CONSTRAINT "consent_records_subject_check" CHECK (num_nonnulls("consent_records"."guide_id", "consent_records"."request_id") = 1),
	CONSTRAINT "consent_records_withdrawal_check" CHECK (("consent_records"."withdrawn_at" is null) = ("consent_records"."withdrawal_method" is null) and ("consent_records"."withdrawn_at" is null or "consent_records"."withdrawn_at" >= "consent_records"."given_at"))
);
--> statement-breakpoint
CREATE TABLE "consent_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"texts" jsonb NOT NULL,
	"change_note" text,
	"published_at" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_texts_office_kind_version_key" UNIQUE("office_id","kind","version"),
	CONSTRAINT "consent_texts_kind_check" CHECK ("consent_texts"."kind" in ('guide_consent', 'confidentiality_pledge', 'person_consent'))
);
--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_text_id_consent_texts_id_fk" FOREIGN KEY ("text_id") REFERENCES "public"."consent_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_texts" ADD CONSTRAINT "consent_texts_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_guide_idx" ON "consent_records" USING btree ("guide_id");--> statement-breakpoint
CREATE INDEX "consent_records_request_idx" ON "consent_records" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "consent_records_text_idx" ON "consent_records" USING btree ("text_id");