CREATE TYPE "public"."alliance_status" AS ENUM('forming', 'active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."contact_kind" AS ENUM('meeting', 'call', 'interview', 'email', 'event');--> statement-breakpoint
CREATE TYPE "public"."need_offer_kind" AS ENUM('need', 'offer');--> statement-breakpoint
CREATE TYPE "public"."need_offer_status" AS ENUM('open', 'inDiscussion', 'fulfilled', 'closed');--> statement-breakpoint
CREATE TYPE "public"."contribution_nature" AS ENUM('financial', 'inKind', 'skills', 'volunteerHours');--> statement-breakpoint
CREATE TYPE "public"."partnership_status" AS ENUM('active', 'completed', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."partnership_step" AS ENUM('preparePartners', 'framePartnership', 'contract', 'run', 'evaluate');--> statement-breakpoint
CREATE TYPE "public"."carrier_role" AS ENUM('lead', 'coCarrier');--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('draft', 'seekingPartners', 'inProgress', 'completed', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."partnership_mode" AS ENUM('support', 'responsiblePractices', 'economicCooperation', 'societalInnovation');--> statement-breakpoint
CREATE TABLE "alliance_members" (
	"alliance_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"joined_on" date,
	"publish_consent_at" timestamp with time zone,
	"publish_consent_by" uuid,
	CONSTRAINT "alliance_members_alliance_id_actor_id_pk" PRIMARY KEY("alliance_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "alliances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"challenge" text DEFAULT '' NOT NULL,
	"objective" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "alliance_status" DEFAULT 'forming' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"commune_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_on" date,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"partnership_id" uuid,
	"kind" "contact_kind" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"subject" text NOT NULL,
	"people" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_next_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "needs_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "need_offer_kind" NOT NULL,
	"actor_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"resources" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"commune_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"modes" "partnership_mode"[] DEFAULT '{}'::partnership_mode[] NOT NULL,
	"deadline" date,
	"status" "need_offer_status" DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'B')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid,
	"alliance_id" uuid,
	"actor_id" uuid NOT NULL,
	"description" text NOT NULL,
	"expected_value" numeric(12, 2),
	"realised_value" numeric(12, 2),
	"realised_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benefits_one_owner" CHECK (num_nonnulls("benefits"."partnership_id", "benefits"."alliance_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid,
	"alliance_id" uuid,
	"actor_id" uuid NOT NULL,
	"nature" "contribution_nature" NOT NULL,
	"description" text NOT NULL,
	"value" numeric(12, 2),
	"hours" numeric(10, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contributions_one_owner" CHECK (num_nonnulls("contributions"."partnership_id", "contributions"."alliance_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "partnership_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"step" "partnership_step" NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_partners" (
	"partnership_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"expectations" text DEFAULT '' NOT NULL,
	"publish_consent_at" timestamp with time zone,
	"publish_consent_by" uuid,
	CONSTRAINT "partnership_partners_partnership_id_actor_id_pk" PRIMARY KEY("partnership_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "partnership_steps" (
	"partnership_id" uuid NOT NULL,
	"step" "partnership_step" NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_on" date,
	"completed_on" date,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "partnership_steps_partnership_id_step_pk" PRIMARY KEY("partnership_id","step")
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"mode" "partnership_mode" NOT NULL,
	"current_step" "partnership_step" DEFAULT 'preparePartners' NOT NULL,
	"status" "partnership_status" DEFAULT 'active' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"commune_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"renewal_on" date,
	"renewed_from_id" uuid,
	"need_offer_id" uuid,
	"project_id" uuid,
	"alliance_id" uuid,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(summary, '')), 'B')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_carriers" (
	"project_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" "carrier_role" DEFAULT 'lead' NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "project_carriers_project_id_actor_id_pk" PRIMARY KEY("project_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"beneficiaries" text DEFAULT '' NOT NULL,
	"needs" text DEFAULT '' NOT NULL,
	"budget_total" numeric(12, 2),
	"budget_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"modes" "partnership_mode"[] DEFAULT '{}'::partnership_mode[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"commune_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "project_status" DEFAULT 'draft' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(summary, '') || ' ' || coalesce(goals, '') || ' ' || coalesce(beneficiaries, '')), 'B')) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_publish_consent_by_users_id_fk" FOREIGN KEY ("publish_consent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliances" ADD CONSTRAINT "alliances_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_logs" ADD CONSTRAINT "contact_logs_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_logs" ADD CONSTRAINT "contact_logs_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_logs" ADD CONSTRAINT "contact_logs_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_next_steps" ADD CONSTRAINT "contact_next_steps_contact_id_contact_logs_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact_logs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_next_steps" ADD CONSTRAINT "contact_next_steps_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_offers" ADD CONSTRAINT "needs_offers_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_offers" ADD CONSTRAINT "needs_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_documents" ADD CONSTRAINT "partnership_documents_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_documents" ADD CONSTRAINT "partnership_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_events" ADD CONSTRAINT "partnership_events_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_events" ADD CONSTRAINT "partnership_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_partners" ADD CONSTRAINT "partnership_partners_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_partners" ADD CONSTRAINT "partnership_partners_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_partners" ADD CONSTRAINT "partnership_partners_publish_consent_by_users_id_fk" FOREIGN KEY ("publish_consent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_steps" ADD CONSTRAINT "partnership_steps_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_need_offer_id_needs_offers_id_fk" FOREIGN KEY ("need_offer_id") REFERENCES "public"."needs_offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_carriers" ADD CONSTRAINT "project_carriers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_carriers" ADD CONSTRAINT "project_carriers_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alliance_members_actor_idx" ON "alliance_members" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "alliances_updated_idx" ON "alliances" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "contact_logs_actor_idx" ON "contact_logs" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "contact_logs_partnership_idx" ON "contact_logs" USING btree ("partnership_id","occurred_at");--> statement-breakpoint
CREATE INDEX "contact_next_steps_contact_idx" ON "contact_next_steps" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "contact_next_steps_owner_idx" ON "contact_next_steps" USING btree ("owner_id","due_on");--> statement-breakpoint
CREATE INDEX "needs_offers_search_idx" ON "needs_offers" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "needs_offers_actor_idx" ON "needs_offers" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "needs_offers_latest_idx" ON "needs_offers" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "needs_offers_resources_idx" ON "needs_offers" USING gin ("resources");--> statement-breakpoint
CREATE INDEX "needs_offers_themes_idx" ON "needs_offers" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "needs_offers_communes_idx" ON "needs_offers" USING gin ("commune_codes");--> statement-breakpoint
CREATE INDEX "benefits_partnership_idx" ON "benefits" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "benefits_alliance_idx" ON "benefits" USING btree ("alliance_id");--> statement-breakpoint
CREATE INDEX "contributions_partnership_idx" ON "contributions" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "contributions_alliance_idx" ON "contributions" USING btree ("alliance_id");--> statement-breakpoint
CREATE INDEX "partnership_documents_partnership_idx" ON "partnership_documents" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "partnership_events_partnership_idx" ON "partnership_events" USING btree ("partnership_id","at");--> statement-breakpoint
CREATE INDEX "partnership_partners_actor_idx" ON "partnership_partners" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "partnerships_search_idx" ON "partnerships" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "partnerships_board_idx" ON "partnerships" USING btree ("mode","current_step");--> statement-breakpoint
CREATE INDEX "partnerships_alliance_idx" ON "partnerships" USING btree ("alliance_id");--> statement-breakpoint
CREATE INDEX "partnerships_published_idx" ON "partnerships" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "partnerships_updated_idx" ON "partnerships" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "project_carriers_actor_idx" ON "project_carriers" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "projects_search_idx" ON "projects" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "projects_themes_idx" ON "projects" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "projects_updated_idx" ON "projects" USING btree ("updated_at","id");