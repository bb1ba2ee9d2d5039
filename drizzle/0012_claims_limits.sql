ALTER TABLE "actor_claims" ALTER COLUMN "ip_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "actor_claims" ADD COLUMN "mail_id" uuid;--> statement-breakpoint
ALTER TABLE "actor_claims" ADD CONSTRAINT "actor_claims_mail_id_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_claims_expiry_idx" ON "actor_claims" USING btree ("expires_at");