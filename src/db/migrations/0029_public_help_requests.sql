CREATE TABLE "request_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"value" text NOT NULL,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_contacts_channel_check" CHECK ("request_contacts"."channel" in ('phone', 'email', 'institution'))
);
--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "partner_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "partner_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "origin" text DEFAULT 'partner' NOT NULL;--> statement-breakpoint
ALTER TABLE "request_contacts" ADD CONSTRAINT "request_contacts_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_contacts" ADD CONSTRAINT "request_contacts_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_contacts_request_unique" ON "request_contacts" USING btree ("request_id");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_origin_check" CHECK ("requests"."origin" in ('partner', 'public'));--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_origin_partner_check" CHECK (("requests"."origin" = 'public') = ("requests"."partner_id" is null));