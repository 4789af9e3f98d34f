ALTER TABLE "expense_receipts" ALTER COLUMN "data" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "expense_receipts" ADD COLUMN "stored_in" text DEFAULT 'database' NOT NULL;--> statement-breakpoint
ALTER TABLE "expense_receipts" ADD CONSTRAINT "expense_receipts_stored_in_check" CHECK ("expense_receipts"."stored_in" in ('database', 'folder'));--> statement-breakpoint
ALTER TABLE "expense_receipts" ADD CONSTRAINT "expense_receipts_data_check" CHECK (("expense_receipts"."stored_in" = 'database') = ("expense_receipts"."data" is not null));