CREATE TYPE "public"."import_run_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."import_match_review_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."register_source" AS ENUM('rna', 'sirene');--> statement-breakpoint
CREATE TYPE "public"."register_status" AS ENUM('active', 'dissolved', 'deleted', 'closed');--> statement-breakpoint
CREATE TABLE "actor_register_records" (
	"source" "register_source" NOT NULL,
	"register_id" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"status" "register_status" NOT NULL,
	"values" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_id" uuid,
	"claimed_at" timestamp with time zone,
	CONSTRAINT "actor_register_records_source_register_id_pk" PRIMARY KEY("source","register_id")
);
--> statement-breakpoint
CREATE TABLE "import_match_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"source" "register_source" NOT NULL,
	"register_id" text NOT NULL,
	"candidate_actor_id" uuid NOT NULL,
	"organisation" jsonb NOT NULL,
	"reason" text DEFAULT 'sameNameSameCommune' NOT NULL,
	"status" "import_match_review_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_rejections" (
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"line" integer NOT NULL,
	"reason" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	CONSTRAINT "import_rejections_run_id_position_pk" PRIMARY KEY("run_id","position")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" "register_source" NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"file_size" bigint NOT NULL,
	"scope" jsonb NOT NULL,
	"status" "import_run_status" DEFAULT 'running' NOT NULL,
	"items_done" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"merged" integer DEFAULT 0 NOT NULL,
	"queued" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"started_by" uuid,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "actor_register_records" ADD CONSTRAINT "actor_register_records_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_register_records" ADD CONSTRAINT "actor_register_records_last_run_id_import_runs_id_fk" FOREIGN KEY ("last_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_match_reviews" ADD CONSTRAINT "import_match_reviews_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_match_reviews" ADD CONSTRAINT "import_match_reviews_candidate_actor_id_actors_id_fk" FOREIGN KEY ("candidate_actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_match_reviews" ADD CONSTRAINT "import_match_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rejections" ADD CONSTRAINT "import_rejections_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_register_records_actor_idx" ON "actor_register_records" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_match_reviews_pending_idx" ON "import_match_reviews" USING btree ("source","register_id") WHERE "import_match_reviews"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "import_match_reviews_status_idx" ON "import_match_reviews" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "import_runs_file_idx" ON "import_runs" USING btree ("source","file_hash");--> statement-breakpoint
CREATE INDEX "actors_rna_idx" ON "actors" USING btree ("rna") WHERE "actors"."rna" is not null;--> statement-breakpoint
CREATE INDEX "actors_siren_idx" ON "actors" USING btree ("siren") WHERE "actors"."siren" is not null;--> statement-breakpoint
CREATE INDEX "actors_siret_idx" ON "actors" USING btree ("siret") WHERE "actors"."siret" is not null;--> statement-breakpoint
CREATE INDEX "actors_match_key_idx" ON "actors" USING btree ("commune_code",btrim(regexp_replace("name_key", '[^a-z0-9]+', ' ', 'g')));