CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "event_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"response" text,
	"responded_at" timestamp with time zone,
	"link_token_hash" text,
	"attended" boolean,
	"attendance_recorded_at" timestamp with time zone,
	"attendance_recorded_by" uuid,
	"hour_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_invitations_event_guide_key" UNIQUE("event_id","guide_id"),
	CONSTRAINT "event_invitations_response_check" CHECK ("event_invitations"."response" in ('yes', 'no', 'maybe'))
);
--> statement-breakpoint
CREATE TABLE "event_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"room_id" uuid,
	"online_link" text,
	"agenda" text,
	"audience" text NOT NULL,
	"group_id" uuid,
	"invited_guide_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"capacity" integer,
	"rrule" text NOT NULL,
	"start_date" date NOT NULL,
	"start_time" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"time_zone" text NOT NULL,
	"materialised_until" timestamp with time zone NOT NULL,
	"split_from_id" uuid,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_series_type_check" CHECK ("event_series"."type" in ('plenum', 'supervision', 'peer_consultation', 'info_evening', 'training', 'celebration', 'other')),
	CONSTRAINT "event_series_audience_check" CHECK ("event_series"."audience" in ('all_guides', 'group', 'invited')),
	CONSTRAINT "event_series_duration_check" CHECK ("event_series"."duration_minutes" between 1 and 1440),
	CONSTRAINT "event_series_start_time_check" CHECK ("event_series"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "event_series_capacity_check" CHECK ("event_series"."capacity" is null or "event_series"."capacity" > 0),
	CONSTRAINT "event_series_link_check" CHECK ("event_series"."online_link" is null or "event_series"."online_link" like 'https://%')
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"series_id" uuid,
	"recurrence_id" timestamp with time zone,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"room_id" uuid,
	"online_link" text,
	"agenda" text,
	"audience" text NOT NULL,
	"group_id" uuid,
	"invited_guide_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"capacity" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"is_exception" boolean DEFAULT false NOT NULL,
	"cancelled_at" timestamp with time zone,
	"minutes" text,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_type_check" CHECK ("events"."type" in ('plenum', 'supervision', 'peer_consultation', 'info_evening', 'training', 'celebration', 'other')),
	CONSTRAINT "events_audience_check" CHECK ("events"."audience" in ('all_guides', 'group', 'invited')),
	CONSTRAINT "events_time_check" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_capacity_check" CHECK ("events"."capacity" is null or "events"."capacity" > 0),
	CONSTRAINT "events_link_check" CHECK ("events"."online_link" is null or "events"."online_link" like 'https://%'),
	CONSTRAINT "events_series_check" CHECK (("events"."series_id" is null) = ("events"."recurrence_id" is null))
);
--> statement-breakpoint
CREATE TABLE "guide_group_members" (
	"office_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	CONSTRAINT "guide_group_members_group_id_guide_id_pk" PRIMARY KEY("group_id","guide_id")
);
--> statement-breakpoint
CREATE TABLE "guide_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_groups_office_name_key" UNIQUE("office_id","name")
);
--> statement-breakpoint
ALTER TABLE "reminders_sent" DROP CONSTRAINT "reminders_sent_kind_check";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_attendance_recorded_by_users_id_fk" FOREIGN KEY ("attendance_recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_hour_entry_id_hour_entries_id_fk" FOREIGN KEY ("hour_entry_id") REFERENCES "public"."hour_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_series" ADD CONSTRAINT "event_series_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_series" ADD CONSTRAINT "event_series_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_series" ADD CONSTRAINT "event_series_group_id_guide_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."guide_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_series" ADD CONSTRAINT "event_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_series_id_event_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."event_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_group_id_guide_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."guide_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_group_members" ADD CONSTRAINT "guide_group_members_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_group_members" ADD CONSTRAINT "guide_group_members_group_id_guide_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."guide_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_group_members" ADD CONSTRAINT "guide_group_members_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_groups" ADD CONSTRAINT "guide_groups_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_invitations_token_key" ON "event_invitations" USING btree ("link_token_hash");--> statement-breakpoint
CREATE INDEX "event_invitations_guide_idx" ON "event_invitations" USING btree ("guide_id");--> statement-breakpoint
CREATE INDEX "event_series_office_idx" ON "event_series" USING btree ("office_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_series_recurrence_key" ON "events" USING btree ("series_id","recurrence_id");--> statement-breakpoint
CREATE INDEX "events_office_start_idx" ON "events" USING btree ("office_id","starts_at");--> statement-breakpoint
CREATE INDEX "guide_group_members_guide_idx" ON "guide_group_members" USING btree ("guide_id");--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_kind_check" CHECK ("reminders_sent"."kind" in ('review_due', 'background_check_due', 'agreement_unconfirmed', 'offer_unanswered', 'offer_unanswered_coordinator', 'time_sheet_due', 'event_tomorrow'));