CREATE TYPE "public"."minute_item_kind" AS ENUM('decision', 'followUp');--> statement-breakpoint
CREATE TYPE "public"."speed_dating_interest_source" AS ENUM('wishes', 'matching', 'both');--> statement-breakpoint
CREATE TYPE "public"."speed_dating_rule" AS ENUM('twoSided', 'oneSided');--> statement-breakpoint
CREATE TYPE "public"."action_link_kind" AS ENUM('actor', 'partnership', 'event');--> statement-breakpoint
CREATE TYPE "public"."programme_action_status" AS ENUM('planned', 'inProgress', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."steering_committee" AS ENUM('internal', 'extended');--> statement-breakpoint
CREATE TYPE "public"."indicator_source" AS ENUM('manual', 'eventsHeld', 'attendance', 'participatingActors', 'actionsDone');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'eventInvitation';--> statement-breakpoint
CREATE TABLE "event_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"actor_id" uuid,
	"user_id" uuid,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_invitations_one_target" CHECK (("event_invitations"."actor_id" is null) <> ("event_invitations"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "event_minutes" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_minute_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" "minute_item_kind" NOT NULL,
	"text" text NOT NULL,
	"action_id" uuid,
	"partnership_id" uuid,
	"need_offer_id" uuid,
	"position" smallint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speed_dating_follow_ups" (
	"event_id" uuid NOT NULL,
	"from_registration_id" uuid NOT NULL,
	"to_registration_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" uuid,
	CONSTRAINT "speed_dating_follow_ups_from_registration_id_to_registration_id_pk" PRIMARY KEY("from_registration_id","to_registration_id")
);
--> statement-breakpoint
CREATE TABLE "speed_dating_meetings" (
	"event_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"table_number" smallint NOT NULL,
	"a_registration_id" uuid NOT NULL,
	"b_registration_id" uuid NOT NULL,
	"interest" real NOT NULL,
	CONSTRAINT "speed_dating_meetings_event_id_round_table_number_pk" PRIMARY KEY("event_id","round","table_number")
);
--> statement-breakpoint
CREATE TABLE "speed_dating_sessions" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"tables" integer NOT NULL,
	"rounds" integer NOT NULL,
	"round_minutes" integer NOT NULL,
	"changeover_minutes" integer DEFAULT 2 NOT NULL,
	"rule" "speed_dating_rule" DEFAULT 'twoSided' NOT NULL,
	"side_a" "actor_family"[] DEFAULT '{association}' NOT NULL,
	"side_b" "actor_family"[] DEFAULT '{company}' NOT NULL,
	"interest_source" "speed_dating_interest_source" DEFAULT 'both' NOT NULL,
	"follow_ups_open" boolean DEFAULT false NOT NULL,
	"scheduled_at" timestamp with time zone,
	"interest" real,
	"bound" real,
	"optimal" boolean,
	"greedy_interest" real,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "speed_dating_tables_positive" CHECK ("speed_dating_sessions"."tables" between 1 and 500),
	CONSTRAINT "speed_dating_rounds_positive" CHECK ("speed_dating_sessions"."rounds" between 1 and 50),
	CONSTRAINT "speed_dating_round_minutes_positive" CHECK ("speed_dating_sessions"."round_minutes" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "speed_dating_wishes" (
	"event_id" uuid NOT NULL,
	"from_registration_id" uuid NOT NULL,
	"to_registration_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "speed_dating_wishes_from_registration_id_to_registration_id_pk" PRIMARY KEY("from_registration_id","to_registration_id"),
	CONSTRAINT "speed_dating_wishes_level" CHECK ("speed_dating_wishes"."level" between 1 and 3),
	CONSTRAINT "speed_dating_wishes_not_self" CHECK ("speed_dating_wishes"."from_registration_id" <> "speed_dating_wishes"."to_registration_id")
);
--> statement-breakpoint
CREATE TABLE "programme_action_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"kind" "action_link_kind" NOT NULL,
	"actor_id" uuid,
	"partnership_id" uuid,
	"event_id" uuid,
	CONSTRAINT "programme_action_links_one_target" CHECK (("programme_action_links"."kind" = 'actor' and "programme_action_links"."actor_id" is not null and "programme_action_links"."partnership_id" is null and "programme_action_links"."event_id" is null)
        or ("programme_action_links"."kind" = 'partnership' and "programme_action_links"."partnership_id" is not null and "programme_action_links"."actor_id" is null and "programme_action_links"."event_id" is null)
        or ("programme_action_links"."kind" = 'event' and "programme_action_links"."event_id" is not null and "programme_action_links"."actor_id" is null and "programme_action_links"."partnership_id" is null))
);
--> statement-breakpoint
CREATE TABLE "programme_event_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"phase_id" uuid,
	"kind" "event_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"capacity" integer,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"offset_days" integer DEFAULT 0 NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"phase_id" uuid,
	"territory_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_actor_id" uuid,
	"owner_role" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"due_on" date,
	"status" "programme_action_status" DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_actions_due_after_start" CHECK ("programme_actions"."due_on" is null or "programme_actions"."starts_on" is null or "programme_actions"."due_on" >= "programme_actions"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "programme_events" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"territory_id" uuid,
	"phase_id" uuid
);
--> statement-breakpoint
CREATE TABLE "programme_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"label" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"source" "indicator_source" DEFAULT 'manual' NOT NULL,
	"event_kind" "event_kind",
	"baseline" double precision,
	"target" double precision,
	"measured" double precision,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"phase_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_participants" (
	"programme_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"territory_id" uuid,
	"role" text DEFAULT '' NOT NULL,
	"joined_on" date,
	CONSTRAINT "programme_participants_programme_id_actor_id_pk" PRIMARY KEY("programme_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "programme_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "programme_phases_ends_after_starts" CHECK ("programme_phases"."ends_on" >= "programme_phases"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "programme_territories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"theme_id" text,
	"theme_label" text DEFAULT '' NOT NULL,
	"commune_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"replicated_from" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_ends_after_starts" CHECK ("programmes"."ends_on" >= "programmes"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "steering_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"committee" "steering_committee" NOT NULL,
	"family" "actor_family" NOT NULL,
	"actor_id" uuid,
	"territory_id" uuid,
	"role" text NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_minutes" ADD CONSTRAINT "event_minutes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_minutes" ADD CONSTRAINT "event_minutes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_minute_items" ADD CONSTRAINT "event_minute_items_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_minute_items" ADD CONSTRAINT "event_minute_items_action_id_programme_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."programme_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_minute_items" ADD CONSTRAINT "event_minute_items_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_minute_items" ADD CONSTRAINT "event_minute_items_need_offer_id_needs_offers_id_fk" FOREIGN KEY ("need_offer_id") REFERENCES "public"."needs_offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_minute_items" ADD CONSTRAINT "event_minute_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_follow_ups" ADD CONSTRAINT "speed_dating_follow_ups_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_follow_ups" ADD CONSTRAINT "speed_dating_follow_ups_from_registration_id_event_registrations_id_fk" FOREIGN KEY ("from_registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_follow_ups" ADD CONSTRAINT "speed_dating_follow_ups_to_registration_id_event_registrations_id_fk" FOREIGN KEY ("to_registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_follow_ups" ADD CONSTRAINT "speed_dating_follow_ups_request_id_match_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."match_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_meetings" ADD CONSTRAINT "speed_dating_meetings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_meetings" ADD CONSTRAINT "speed_dating_meetings_a_registration_id_event_registrations_id_fk" FOREIGN KEY ("a_registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_meetings" ADD CONSTRAINT "speed_dating_meetings_b_registration_id_event_registrations_id_fk" FOREIGN KEY ("b_registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_sessions" ADD CONSTRAINT "speed_dating_sessions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_wishes" ADD CONSTRAINT "speed_dating_wishes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_wishes" ADD CONSTRAINT "speed_dating_wishes_from_registration_id_event_registrations_id_fk" FOREIGN KEY ("from_registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speed_dating_wishes" ADD CONSTRAINT "speed_dating_wishes_to_registration_id_event_registrations_id_fk" FOREIGN KEY ("to_registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_action_links" ADD CONSTRAINT "programme_action_links_action_id_programme_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."programme_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_action_links" ADD CONSTRAINT "programme_action_links_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_action_links" ADD CONSTRAINT "programme_action_links_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_action_links" ADD CONSTRAINT "programme_action_links_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_event_templates" ADD CONSTRAINT "programme_event_templates_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_event_templates" ADD CONSTRAINT "programme_event_templates_phase_id_programme_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."programme_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_actions" ADD CONSTRAINT "programme_actions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_actions" ADD CONSTRAINT "programme_actions_phase_id_programme_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."programme_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_actions" ADD CONSTRAINT "programme_actions_territory_id_programme_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."programme_territories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_actions" ADD CONSTRAINT "programme_actions_owner_actor_id_actors_id_fk" FOREIGN KEY ("owner_actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_actions" ADD CONSTRAINT "programme_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_events" ADD CONSTRAINT "programme_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_events" ADD CONSTRAINT "programme_events_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_events" ADD CONSTRAINT "programme_events_territory_id_programme_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."programme_territories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_events" ADD CONSTRAINT "programme_events_phase_id_programme_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."programme_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_indicators" ADD CONSTRAINT "programme_indicators_objective_id_programme_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."programme_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_objectives" ADD CONSTRAINT "programme_objectives_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_objectives" ADD CONSTRAINT "programme_objectives_phase_id_programme_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."programme_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_participants" ADD CONSTRAINT "programme_participants_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_participants" ADD CONSTRAINT "programme_participants_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_participants" ADD CONSTRAINT "programme_participants_territory_id_programme_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."programme_territories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_phases" ADD CONSTRAINT "programme_phases_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_territories" ADD CONSTRAINT "programme_territories_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_territories" ADD CONSTRAINT "programme_territories_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_members" ADD CONSTRAINT "steering_members_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_members" ADD CONSTRAINT "steering_members_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_members" ADD CONSTRAINT "steering_members_territory_id_programme_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."programme_territories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_invitations_actor_uq" ON "event_invitations" USING btree ("event_id","actor_id") WHERE "event_invitations"."actor_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_invitations_user_uq" ON "event_invitations" USING btree ("event_id","user_id") WHERE "event_invitations"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "event_invitations_actor_idx" ON "event_invitations" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "event_invitations_user_idx" ON "event_invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_minute_items_event_idx" ON "event_minute_items" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "speed_dating_follow_ups_event_idx" ON "speed_dating_follow_ups" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "speed_dating_meetings_a_idx" ON "speed_dating_meetings" USING btree ("a_registration_id");--> statement-breakpoint
CREATE INDEX "speed_dating_meetings_b_idx" ON "speed_dating_meetings" USING btree ("b_registration_id");--> statement-breakpoint
CREATE INDEX "speed_dating_wishes_event_idx" ON "speed_dating_wishes" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_action_links_uq" ON "programme_action_links" USING btree ("action_id","kind",coalesce("actor_id", "partnership_id", "event_id"));--> statement-breakpoint
CREATE INDEX "programme_event_templates_programme_idx" ON "programme_event_templates" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "programme_actions_programme_idx" ON "programme_actions" USING btree ("programme_id","due_on");--> statement-breakpoint
CREATE INDEX "programme_events_programme_idx" ON "programme_events" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "programme_indicators_objective_idx" ON "programme_indicators" USING btree ("objective_id","position");--> statement-breakpoint
CREATE INDEX "programme_objectives_programme_idx" ON "programme_objectives" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "programme_participants_actor_idx" ON "programme_participants" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "programme_phases_programme_idx" ON "programme_phases" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "programme_territories_programme_idx" ON "programme_territories" USING btree ("programme_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_slug_uq" ON "programmes" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "steering_members_programme_idx" ON "steering_members" USING btree ("programme_id","committee","position");