CREATE TYPE "public"."evaluation_dimension" AS ENUM('performance', 'coherence', 'efficiency', 'relevance', 'societalContribution', 'clarityMeaning');--> statement-breakpoint
CREATE TYPE "public"."evaluation_objective_status" AS ENUM('met', 'partlyMet', 'notMet');--> statement-breakpoint
CREATE TABLE "evaluation_indicators" (
	"evaluation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"baseline" numeric(14, 2),
	"target" numeric(14, 2),
	"measured" numeric(14, 2),
	"evidence" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_indicators_evaluation_id_key_pk" PRIMARY KEY("evaluation_id","key"),
	CONSTRAINT "evaluation_indicators_positive" CHECK (coalesce("evaluation_indicators"."baseline", 0) >= 0 and coalesce("evaluation_indicators"."target", 0) >= 0 and coalesce("evaluation_indicators"."measured", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "evaluation_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"status" "evaluation_objective_status" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"balance" smallint,
	"balance_comment" text DEFAULT '' NOT NULL,
	"answered_by" uuid,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_responses_balance" CHECK ("evaluation_responses"."balance" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"response_id" uuid NOT NULL,
	"dimension" "evaluation_dimension" NOT NULL,
	"score" smallint,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "evaluation_scores_response_id_dimension_pk" PRIMARY KEY("response_id","dimension"),
	CONSTRAINT "evaluation_scores_score" CHECK ("evaluation_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"opened_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_year" CHECK ("evaluations"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "evaluation_indicators" ADD CONSTRAINT "evaluation_indicators_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_indicators" ADD CONSTRAINT "evaluation_indicators_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_objectives" ADD CONSTRAINT "evaluation_objectives_response_id_evaluation_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."evaluation_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_response_id_evaluation_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."evaluation_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_objectives_response_idx" ON "evaluation_objectives" USING btree ("response_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_responses_uq" ON "evaluation_responses" USING btree ("evaluation_id","actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_partnership_year_uq" ON "evaluations" USING btree ("partnership_id","year");--> statement-breakpoint
CREATE INDEX "evaluations_year_idx" ON "evaluations" USING btree ("year");