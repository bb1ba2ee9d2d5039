CREATE TABLE "signup_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email_key" text NOT NULL,
	"ip_hash" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "display_name" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "commune_code" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "code_of_conduct_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "code_of_conduct_accepted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "signup_requests_email_idx" ON "signup_requests" USING btree ("email_key","at");--> statement-breakpoint
CREATE INDEX "signup_requests_ip_idx" ON "signup_requests" USING btree ("ip_hash","at");