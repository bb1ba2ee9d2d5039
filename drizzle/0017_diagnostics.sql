CREATE TYPE "public"."diagnostic_kind" AS ENUM('association', 'company');--> statement-breakpoint
CREATE TYPE "public"."diagnostic_status" AS ENUM('draft', 'completed');--> statement-breakpoint
CREATE TABLE "diagnostic_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "diagnostic_kind" NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"status" "diagnostic_status" DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"overall" smallint,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"completed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnostics_completed" CHECK (("diagnostics"."status" = 'completed') = ("diagnostics"."completed_at" is not null and "diagnostics"."result" is not null and "diagnostics"."overall" is not null))
);
--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_questionnaire_id_diagnostic_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."diagnostic_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostic_questionnaires_version_idx" ON "diagnostic_questionnaires" USING btree ("kind","version");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostics_one_draft_idx" ON "diagnostics" USING btree ("actor_id") WHERE "diagnostics"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "diagnostics_actor_idx" ON "diagnostics" USING btree ("actor_id","completed_at");--> statement-breakpoint
CREATE INDEX "diagnostics_completed_idx" ON "diagnostics" USING btree ("completed_at");