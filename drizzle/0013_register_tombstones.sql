ALTER TABLE "actor_register_records" DROP CONSTRAINT "actor_register_records_actor_id_actors_id_fk";
--> statement-breakpoint
ALTER TABLE "actor_register_records" ALTER COLUMN "actor_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "actor_register_records" ADD CONSTRAINT "actor_register_records_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;