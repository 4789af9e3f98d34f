CREATE TABLE "course_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"minutes_missed" integer DEFAULT 0 NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_attendance_session_guide_key" UNIQUE("session_id","guide_id"),
	CONSTRAINT "course_attendance_minutes_check" CHECK ("course_attendance"."minutes_missed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "course_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"status" text NOT NULL,
	"waitlist_position" integer,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_enrolments_course_guide_key" UNIQUE("course_id","guide_id"),
	CONSTRAINT "course_enrolments_status_check" CHECK ("course_enrolments"."status" in ('enrolled', 'waitlisted', 'withdrawn', 'completed', 'not_completed')),
	CONSTRAINT "course_enrolments_waitlist_check" CHECK (("course_enrolments"."status" = 'waitlisted') = ("course_enrolments"."waitlist_position" is not null))
);
--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room" text,
	"topic" text,
	"teaching_units" integer DEFAULT 0 NOT NULL,
	"trainer_names" text,
	"reminder_queued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_sessions_time_check" CHECK ("course_sessions"."ends_at" > "course_sessions"."starts_at"),
	CONSTRAINT "course_sessions_units_check" CHECK ("course_sessions"."teaching_units" >= 0)
);
--> statement-breakpoint
CREATE TABLE "course_trainers" (
	"office_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "course_trainers_course_id_user_id_pk" PRIMARY KEY("course_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"description" text,
	"teaching_units" integer NOT NULL,
	"capacity" integer NOT NULL,
	"fee_cents" integer,
	"completion_min_attendance_percent" integer DEFAULT 80 NOT NULL,
	"grants_specialisation" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_type_check" CHECK ("courses"."type" in ('basic', 'specialisation', 'sustainability', 'further_training')),
	CONSTRAINT "courses_status_check" CHECK ("courses"."status" in ('draft', 'open', 'running', 'finished', 'cancelled')),
	CONSTRAINT "courses_teaching_units_check" CHECK ("courses"."teaching_units" > 0),
	CONSTRAINT "courses_capacity_check" CHECK ("courses"."capacity" > 0),
	CONSTRAINT "courses_fee_check" CHECK ("courses"."fee_cents" is null or "courses"."fee_cents" >= 0),
	CONSTRAINT "courses_completion_percent_check" CHECK ("courses"."completion_min_attendance_percent" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_enrolment_id_course_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."course_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_trainers" ADD CONSTRAINT "course_trainers_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_trainers" ADD CONSTRAINT "course_trainers_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_trainers" ADD CONSTRAINT "course_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_attendance_enrolment_idx" ON "course_attendance" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "course_attendance_guide_idx" ON "course_attendance" USING btree ("guide_id");--> statement-breakpoint
CREATE INDEX "course_enrolments_guide_idx" ON "course_enrolments" USING btree ("guide_id");--> statement-breakpoint
CREATE INDEX "course_sessions_course_idx" ON "course_sessions" USING btree ("course_id","starts_at");--> statement-breakpoint
CREATE INDEX "course_sessions_office_start_idx" ON "course_sessions" USING btree ("office_id","starts_at");--> statement-breakpoint
CREATE INDEX "course_trainers_user_idx" ON "course_trainers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "courses_office_status_idx" ON "courses" USING btree ("office_id","status");