ALTER TABLE "guides" ADD COLUMN "birth_year" integer;--> statement-breakpoint
ALTER TABLE "guides" ADD COLUMN "migration_background" text;--> statement-breakpoint
ALTER TABLE "guides" ADD COLUMN "statistics_consent_at" date;--> statement-breakpoint
ALTER TABLE "guides" ADD CONSTRAINT "guides_statistics_check" CHECK (("guides"."migration_background" is null or "guides"."migration_background" in ('yes', 'no', 'not_stated'))
        and ("guides"."birth_year" is null or "guides"."birth_year" between 1900 and 2100)
        and ("guides"."statistics_consent_at" is not null or ("guides"."birth_year" is null and "guides"."migration_background" is null)));