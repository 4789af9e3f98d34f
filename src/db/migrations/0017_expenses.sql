CREATE TABLE "expense_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"date" date NOT NULL,
	"origin" text,
	"destination" text,
	"assignment_id" uuid,
	"hour_category_id" uuid,
	"transport" text NOT NULL,
	"km" integer,
	"km_rate_cents" integer,
	"ticket_cents" integer,
	"other_cents" integer,
	"other_description" text,
	"amount_cents" integer NOT NULL,
	"receipt_id" uuid,
	"note" text,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"return_comment" text,
	"paid_on" date,
	"payout_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_claims_status_check" CHECK ("expense_claims"."status" in ('submitted', 'returned', 'approved', 'paid')),
	CONSTRAINT "expense_claims_transport_check" CHECK ("expense_claims"."transport" in ('car', 'bike', 'publicTransport', 'other')),
	CONSTRAINT "expense_claims_purpose_check" CHECK (num_nonnulls("expense_claims"."assignment_id", "expense_claims"."hour_category_id") = 1),
	CONSTRAINT "expense_claims_amounts_check" CHECK ("expense_claims"."amount_cents" >= 0 and coalesce("expense_claims"."km", 1) between 1 and 2000 and coalesce("expense_claims"."ticket_cents", 0) >= 0 and coalesce("expense_claims"."other_cents", 0) >= 0),
	CONSTRAINT "expense_claims_km_check" CHECK (("expense_claims"."km" is null) = ("expense_claims"."km_rate_cents" is null) and ("expense_claims"."km" is null or "expense_claims"."transport" in ('car', 'bike'))),
	CONSTRAINT "expense_claims_paid_check" CHECK (("expense_claims"."status" = 'paid') = ("expense_claims"."paid_on" is not null and "expense_claims"."payout_run_id" is not null)),
	CONSTRAINT "expense_claims_returned_check" CHECK ("expense_claims"."status" <> 'returned' or "expense_claims"."return_comment" is not null)
);
--> statement-breakpoint
CREATE TABLE "expense_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_receipts_size_check" CHECK ("expense_receipts"."size_bytes" > 0 and "expense_receipts"."size_bytes" <= 5242880)
);
--> statement-breakpoint
CREATE TABLE "expense_settings" (
	"office_id" uuid PRIMARY KEY NOT NULL,
	"debtor_name" text NOT NULL,
	"debtor_iban" text NOT NULL,
	"debtor_bic" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guide_bank_accounts" (
	"guide_id" uuid PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"account_holder" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"reference" text NOT NULL,
	"claim_count" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"debtor_name" text,
	"debtor_iban" text,
	"debtor_bic" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_runs_totals_check" CHECK ("payout_runs"."claim_count" > 0 and "payout_runs"."total_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_hour_category_id_hour_categories_id_fk" FOREIGN KEY ("hour_category_id") REFERENCES "public"."hour_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_receipt_id_expense_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."expense_receipts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_payout_run_id_payout_runs_id_fk" FOREIGN KEY ("payout_run_id") REFERENCES "public"."payout_runs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_receipts" ADD CONSTRAINT "expense_receipts_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_receipts" ADD CONSTRAINT "expense_receipts_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_settings" ADD CONSTRAINT "expense_settings_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_bank_accounts" ADD CONSTRAINT "guide_bank_accounts_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_bank_accounts" ADD CONSTRAINT "guide_bank_accounts_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_bank_accounts" ADD CONSTRAINT "guide_bank_accounts_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expense_claims_guide_date_idx" ON "expense_claims" USING btree ("guide_id","date");--> statement-breakpoint
CREATE INDEX "expense_claims_office_status_idx" ON "expense_claims" USING btree ("office_id","status");--> statement-breakpoint
CREATE INDEX "expense_receipts_guide_idx" ON "expense_receipts" USING btree ("guide_id");--> statement-breakpoint
CREATE INDEX "payout_runs_office_idx" ON "payout_runs" USING btree ("office_id","paid_on");