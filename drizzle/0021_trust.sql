CREATE TYPE "public"."audit_kind" AS ENUM('write', 'personalRead', 'signIn');--> statement-breakpoint
CREATE TYPE "public"."consent_scope" AS ENUM('contact', 'emails');--> statement-breakpoint
CREATE TYPE "public"."erasure_status" AS ENUM('pending', 'done', 'refused');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'proposalAnswered';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'contentHidden';--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"role" "user_role",
	"via" text DEFAULT '' NOT NULL,
	"kind" "audit_kind" NOT NULL,
	"action" text NOT NULL,
	"target_id" text,
	"status" smallint NOT NULL,
	"ip" text DEFAULT '' NOT NULL,
	CONSTRAINT "audit_entries_action_shape" CHECK ("audit_entries"."action" ~ '^(GET|POST|PUT|PATCH|DELETE) /')
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"choice" "notification_choice" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"person_id" uuid,
	"scope" "consent_scope" NOT NULL,
	"granted" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "consent_records_one_subject" CHECK (("consent_records"."user_id" is null) <> ("consent_records"."person_id" is null))
);
--> statement-breakpoint
CREATE TABLE "erasure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "erasure_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"reason" text DEFAULT '' NOT NULL,
	CONSTRAINT "erasure_requests_refusal_reason" CHECK ("erasure_requests"."status" <> 'refused' or length(trim("erasure_requests"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attempts" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "dead_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "actor_people" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_person_id_actor_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."actor_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_at_idx" ON "audit_entries" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_entries_user_idx" ON "audit_entries" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_entries_target_idx" ON "audit_entries" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "consent_records_user_idx" ON "consent_records" USING btree ("user_id","scope","at");--> statement-breakpoint
CREATE INDEX "consent_records_person_idx" ON "consent_records" USING btree ("person_id","scope","at");--> statement-breakpoint
CREATE INDEX "erasure_requests_status_idx" ON "erasure_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."sent_at" is null and "outbox"."dead_at" is null;--> statement-breakpoint
-- The matchmaking choice becomes one preference per kind, and its consent a dated consent record.
INSERT INTO "notification_preferences" ("user_id", "kind", "choice")
SELECT s."user_id", k."kind"::"notification_kind", s."matching"
FROM "notification_settings" s
CROSS JOIN (VALUES ('mutualSuggestion'), ('contactRequest'), ('requestAccepted'), ('requestDeclined')) AS k("kind")
WHERE s."matching" <> 'off';--> statement-breakpoint
INSERT INTO "consent_records" ("user_id", "scope", "granted", "at", "source")
SELECT "user_id", 'emails', true, "consented_at", 'préférences de notification'
FROM "notification_settings" WHERE "consented_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_settings" DROP COLUMN "matching";--> statement-breakpoint
ALTER TABLE "notification_settings" DROP COLUMN "consented_at";--> statement-breakpoint
-- The audit log is append-only: no update ever, and deletion only by the retention purge of entries over a year old.
CREATE FUNCTION "audit_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('alliances.audit_purge', true) = 'on'
     AND OLD."at" < now() - interval '1 year' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit entries cannot be changed' USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE ON "audit_entries"
FOR EACH ROW EXECUTE FUNCTION "audit_entries_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_entries_no_truncate" BEFORE TRUNCATE ON "audit_entries"
FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_append_only"();
