CREATE TYPE "public"."funding_application_status" AS ENUM('drafting', 'submitted', 'granted', 'refused', 'reported');--> statement-breakpoint
CREATE TYPE "public"."funding_document_owner" AS ENUM('call', 'application', 'report');--> statement-breakpoint
CREATE TYPE "public"."budget_category" AS ENUM('coordination', 'production', 'communication', 'evaluation', 'training', 'equipment', 'other');--> statement-breakpoint
CREATE TYPE "public"."funding_source_kind" AS ENUM('application', 'contribution', 'ownFunds');--> statement-breakpoint
CREATE TYPE "public"."funding_deadline_kind" AS ENUM('callCloses', 'reportDue');--> statement-breakpoint
CREATE TYPE "public"."scdl_severity" AS ENUM('error', 'warning');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'fundingDeadline';--> statement-breakpoint
CREATE TABLE "funding_application_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" "funding_application_status",
	"to_status" "funding_application_status" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"call_id" uuid,
	"funder_actor_id" uuid NOT NULL,
	"programme_id" uuid,
	"territory_id" uuid,
	"project_id" uuid,
	"partnership_id" uuid,
	"year" integer NOT NULL,
	"amount_requested" numeric(12, 2) NOT NULL,
	"co_funding" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "funding_application_status" DEFAULT 'drafting' NOT NULL,
	"submitted_on" date,
	"decided_on" date,
	"amount_granted" numeric(12, 2),
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_applications_one_target" CHECK (num_nonnulls("funding_applications"."programme_id", "funding_applications"."project_id", "funding_applications"."partnership_id") = 1),
	CONSTRAINT "funding_applications_territory_of_programme" CHECK ("funding_applications"."territory_id" is null or "funding_applications"."programme_id" is not null),
	CONSTRAINT "funding_applications_granted_amount" CHECK ("funding_applications"."status" not in ('granted', 'reported') or "funding_applications"."amount_granted" is not null),
	CONSTRAINT "funding_applications_amounts" CHECK ("funding_applications"."amount_requested" > 0 and ("funding_applications"."amount_granted" is null or "funding_applications"."amount_granted" >= 0))
);
--> statement-breakpoint
CREATE TABLE "funding_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner" "funding_document_owner" NOT NULL,
	"call_id" uuid,
	"application_id" uuid,
	"report_id" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_documents_one_owner" CHECK (("funding_documents"."owner" = 'call' and "funding_documents"."call_id" is not null and "funding_documents"."application_id" is null and "funding_documents"."report_id" is null)
        or ("funding_documents"."owner" = 'application' and "funding_documents"."application_id" is not null and "funding_documents"."call_id" is null and "funding_documents"."report_id" is null)
        or ("funding_documents"."owner" = 'report' and "funding_documents"."report_id" is not null and "funding_documents"."call_id" is null and "funding_documents"."application_id" is null))
);
--> statement-breakpoint
CREATE TABLE "funding_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_payments_positive" CHECK ("funding_payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"submitted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_line_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"kind" "funding_source_kind" NOT NULL,
	"application_id" uuid,
	"contribution_id" uuid,
	"label" text DEFAULT '' NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	CONSTRAINT "budget_line_sources_positive" CHECK ("budget_line_sources"."amount" > 0),
	CONSTRAINT "budget_line_sources_one_kind" CHECK (("budget_line_sources"."kind" = 'application' and "budget_line_sources"."application_id" is not null and "budget_line_sources"."contribution_id" is null)
        or ("budget_line_sources"."kind" = 'contribution' and "budget_line_sources"."contribution_id" is not null and "budget_line_sources"."application_id" is null)
        or ("budget_line_sources"."kind" = 'ownFunds' and "budget_line_sources"."application_id" is null and "budget_line_sources"."contribution_id" is null))
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"territory_id" uuid,
	"category" "budget_category" NOT NULL,
	"label" text NOT NULL,
	"forecast" numeric(12, 2) DEFAULT 0 NOT NULL,
	"committed" numeric(12, 2) DEFAULT 0 NOT NULL,
	"actual" numeric(12, 2) DEFAULT 0 NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_year" CHECK ("budget_lines"."year" between 2000 and 2100),
	CONSTRAINT "budget_lines_amounts" CHECK ("budget_lines"."forecast" >= 0 and "budget_lines"."committed" >= 0 and "budget_lines"."actual" >= 0)
);
--> statement-breakpoint
CREATE TABLE "volunteer_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"territory_id" uuid,
	"actor_id" uuid,
	"role" text NOT NULL,
	"worked_on" date NOT NULL,
	"hours" numeric(8, 2) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_logs_hours" CHECK ("volunteer_logs"."hours" > 0 and "volunteer_logs"."hours" <= 10000)
);
--> statement-breakpoint
CREATE TABLE "volunteer_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"hourly_rate" numeric(12, 2) NOT NULL,
	CONSTRAINT "volunteer_rates_positive" CHECK ("volunteer_rates"."hourly_rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "funding_deadline_kind" NOT NULL,
	"call_id" uuid,
	"report_id" uuid,
	"due_on" date NOT NULL,
	"days_before" smallint NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_reminders_one_target" CHECK (num_nonnulls("funding_reminders"."call_id", "funding_reminders"."report_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "funding_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"funder_actor_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"commune_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligible_families" "actor_family"[] DEFAULT '{}'::actor_family[] NOT NULL,
	"envelope" numeric(12, 2),
	"amount_min" numeric(12, 2),
	"amount_max" numeric(12, 2),
	"opens_on" date,
	"closes_on" date,
	"link" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'B')) STORED NOT NULL,
	CONSTRAINT "funding_calls_closes_after_opens" CHECK ("funding_calls"."closes_on" is null or "funding_calls"."opens_on" is null or "funding_calls"."closes_on" >= "funding_calls"."opens_on"),
	CONSTRAINT "funding_calls_amount_range" CHECK ("funding_calls"."amount_max" is null or "funding_calls"."amount_min" is null or "funding_calls"."amount_max" >= "funding_calls"."amount_min")
);
--> statement-breakpoint
CREATE TABLE "scdl_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid,
	"record_hash" text NOT NULL,
	"attributor_name" text NOT NULL,
	"attributor_siret" text NOT NULL,
	"beneficiary_name" text NOT NULL,
	"beneficiary_siret" text,
	"beneficiary_rna" text,
	"convention_on" date NOT NULL,
	"budget_year" integer,
	"object" text NOT NULL,
	"amount" numeric(12, 2),
	"attributor_actor_id" uuid,
	"beneficiary_actor_id" uuid,
	"record" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scdl_import_issues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"severity" "scdl_severity" NOT NULL,
	"line" integer,
	"column" text,
	"code" text NOT NULL,
	"value" text
);
--> statement-breakpoint
CREATE TABLE "scdl_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"delimiter" text NOT NULL,
	"encoding" text NOT NULL,
	"rows" integer NOT NULL,
	"imported" integer NOT NULL,
	"rejected" integer NOT NULL,
	"errors" integer NOT NULL,
	"warnings" integer NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_application_steps" ADD CONSTRAINT "funding_application_steps_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application_steps" ADD CONSTRAINT "funding_application_steps_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_funder_actor_id_actors_id_fk" FOREIGN KEY ("funder_actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_territory_id_programme_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."programme_territories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_documents" ADD CONSTRAINT "funding_documents_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_documents" ADD CONSTRAINT "funding_documents_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_documents" ADD CONSTRAINT "funding_documents_report_id_funding_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."funding_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_documents" ADD CONSTRAINT "funding_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_payments" ADD CONSTRAINT "funding_payments_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reports" ADD CONSTRAINT "funding_reports_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_line_sources" ADD CONSTRAINT "budget_line_sources_line_id_budget_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."budget_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_line_sources" ADD CONSTRAINT "budget_line_sources_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_line_sources" ADD CONSTRAINT "budget_line_sources_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_territory_id_programme_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."programme_territories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_logs" ADD CONSTRAINT "volunteer_logs_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_logs" ADD CONSTRAINT "volunteer_logs_territory_id_programme_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."programme_territories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_logs" ADD CONSTRAINT "volunteer_logs_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_logs" ADD CONSTRAINT "volunteer_logs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_rates" ADD CONSTRAINT "volunteer_rates_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reminders" ADD CONSTRAINT "funding_reminders_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_reminders" ADD CONSTRAINT "funding_reminders_report_id_funding_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."funding_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_funder_actor_id_actors_id_fk" FOREIGN KEY ("funder_actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scdl_grants" ADD CONSTRAINT "scdl_grants_import_id_scdl_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."scdl_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scdl_grants" ADD CONSTRAINT "scdl_grants_attributor_actor_id_actors_id_fk" FOREIGN KEY ("attributor_actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scdl_grants" ADD CONSTRAINT "scdl_grants_beneficiary_actor_id_actors_id_fk" FOREIGN KEY ("beneficiary_actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scdl_import_issues" ADD CONSTRAINT "scdl_import_issues_import_id_scdl_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."scdl_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scdl_imports" ADD CONSTRAINT "scdl_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_application_steps_application_idx" ON "funding_application_steps" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "funding_applications_call_idx" ON "funding_applications" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "funding_applications_programme_idx" ON "funding_applications" USING btree ("programme_id","year");--> statement-breakpoint
CREATE INDEX "funding_applications_project_idx" ON "funding_applications" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "funding_applications_partnership_idx" ON "funding_applications" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "funding_applications_status_idx" ON "funding_applications" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "funding_documents_call_idx" ON "funding_documents" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "funding_documents_application_idx" ON "funding_documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "funding_documents_report_idx" ON "funding_documents" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "funding_payments_application_idx" ON "funding_payments" USING btree ("application_id","received_on");--> statement-breakpoint
CREATE INDEX "funding_reports_application_idx" ON "funding_reports" USING btree ("application_id","due_on");--> statement-breakpoint
CREATE INDEX "funding_reports_due_idx" ON "funding_reports" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "budget_line_sources_line_idx" ON "budget_line_sources" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "budget_line_sources_application_idx" ON "budget_line_sources" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "budget_line_sources_contribution_idx" ON "budget_line_sources" USING btree ("contribution_id");--> statement-breakpoint
CREATE INDEX "budget_lines_programme_idx" ON "budget_lines" USING btree ("programme_id","year","position");--> statement-breakpoint
CREATE INDEX "volunteer_logs_programme_idx" ON "volunteer_logs" USING btree ("programme_id","worked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_rates_uq" ON "volunteer_rates" USING btree ("programme_id","year","role");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_reminders_uq" ON "funding_reminders" USING btree ("kind",coalesce("call_id", "report_id"),"due_on","days_before");--> statement-breakpoint
CREATE INDEX "funding_reminders_sent_idx" ON "funding_reminders" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "funding_calls_search_idx" ON "funding_calls" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "funding_calls_themes_idx" ON "funding_calls" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "funding_calls_closes_idx" ON "funding_calls" USING btree ("closes_on");--> statement-breakpoint
CREATE INDEX "funding_calls_funder_idx" ON "funding_calls" USING btree ("funder_actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scdl_grants_record_uq" ON "scdl_grants" USING btree ("record_hash");--> statement-breakpoint
CREATE INDEX "scdl_grants_attributor_idx" ON "scdl_grants" USING btree ("attributor_siret","convention_on");--> statement-breakpoint
CREATE INDEX "scdl_grants_beneficiary_actor_idx" ON "scdl_grants" USING btree ("beneficiary_actor_id");--> statement-breakpoint
CREATE INDEX "scdl_grants_beneficiary_siret_idx" ON "scdl_grants" USING btree ("beneficiary_siret");--> statement-breakpoint
CREATE INDEX "scdl_import_issues_import_idx" ON "scdl_import_issues" USING btree ("import_id","line","id");--> statement-breakpoint
CREATE INDEX "scdl_imports_at_idx" ON "scdl_imports" USING btree ("created_at");