CREATE TABLE "actor_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text,
	"ip_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "actor_claims" ADD CONSTRAINT "actor_claims_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_claims" ADD CONSTRAINT "actor_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actor_claims_token_idx" ON "actor_claims" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "actor_claims_actor_idx" ON "actor_claims" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "actor_claims_ip_idx" ON "actor_claims" USING btree ("ip_hash","created_at");