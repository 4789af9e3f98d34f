CREATE TABLE "import_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"guide_id" uuid,
	"partner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_keys_office_kind_key_key" UNIQUE("office_id","kind","key"),
	CONSTRAINT "import_keys_kind_check" CHECK ("import_keys"."kind" in ('guides', 'partners')),
	CONSTRAINT "import_keys_one_record_check" CHECK (("import_keys"."guide_id" is null) <> ("import_keys"."partner_id" is null))
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"match_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mappings_office_kind_key" UNIQUE("office_id","kind"),
	CONSTRAINT "import_mappings_kind_check" CHECK ("import_mappings"."kind" in ('guides', 'partners')),
	CONSTRAINT "import_mappings_match_by_check" CHECK ("import_mappings"."match_by" in ('email', 'name', 'externalKey'))
);
--> statement-breakpoint
ALTER TABLE "import_keys" ADD CONSTRAINT "import_keys_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_keys" ADD CONSTRAINT "import_keys_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_keys" ADD CONSTRAINT "import_keys_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_keys_guide_idx" ON "import_keys" USING btree ("guide_id");--> statement-breakpoint
CREATE INDEX "import_keys_partner_idx" ON "import_keys" USING btree ("partner_id");