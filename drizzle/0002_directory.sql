CREATE TABLE "actor_facet_counts" (
	"facet" text NOT NULL,
	"value" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "actor_facet_counts_facet_value_pk" PRIMARY KEY("facet","value")
);
--> statement-breakpoint
DROP INDEX "actors_commune_idx";--> statement-breakpoint
ALTER TABLE "actor_people" ADD COLUMN "position" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "actors_updated_idx" ON "actors" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "actors_commune_idx" ON "actors" USING btree ("commune_code","name_key","id");--> statement-breakpoint
-- Exact per-value counts of the whole directory (see actor_facet_counts in src/modules/actors/schema.ts), kept by
-- statement-level triggers with transition tables: one grouped upsert per statement, so bulk loads stay cheap.
-- Rows are upserted in (facet, value) order so that concurrent writers lock them in the same order.
CREATE OR REPLACE FUNCTION actor_facet_values(family actor_family, commune text, themes text[], sdgs smallint[],
  contributions text[], benefits text[]) RETURNS TABLE (facet text, value text) LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT 'total', ''
  UNION ALL SELECT 'family', family::text
  UNION ALL SELECT 'commune', commune WHERE commune IS NOT NULL
  UNION ALL SELECT 'theme', t FROM unnest(themes) t
  UNION ALL SELECT 'sdg', s::text FROM unnest(sdgs) s
  UNION ALL SELECT 'contribution', c FROM unnest(contributions) c
  UNION ALL SELECT 'benefit', b FROM unnest(benefits) b
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION actor_facet_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM actor_facet_counts;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO actor_facet_counts AS c (facet, value, n)
    SELECT f.facet, f.value, count(*)::int
    FROM new_actors a
    CROSS JOIN LATERAL actor_facet_values(a.family, a.commune_code, a.themes, a.sdgs, a.contributions, a.benefits) f
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (facet, value) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO actor_facet_counts AS c (facet, value, n)
    SELECT f.facet, f.value, -count(*)::int
    FROM old_actors a
    CROSS JOIN LATERAL actor_facet_values(a.family, a.commune_code, a.themes, a.sdgs, a.contributions, a.benefits) f
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (facet, value) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO actor_facet_counts AS c (facet, value, n)
    SELECT d.facet, d.value, sum(d.delta)::int
    FROM (
      SELECT f.facet, f.value, -1 AS delta
      FROM old_actors a
      CROSS JOIN LATERAL actor_facet_values(a.family, a.commune_code, a.themes, a.sdgs, a.contributions, a.benefits) f
      UNION ALL
      SELECT f.facet, f.value, 1
      FROM new_actors a
      CROSS JOIN LATERAL actor_facet_values(a.family, a.commune_code, a.themes, a.sdgs, a.contributions, a.benefits) f
    ) d
    GROUP BY 1, 2 HAVING sum(d.delta) <> 0 ORDER BY 1, 2
    ON CONFLICT (facet, value) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER actor_facet_counts_insert AFTER INSERT ON actors REFERENCING NEW TABLE AS new_actors
  FOR EACH STATEMENT EXECUTE FUNCTION actor_facet_counts_sync();--> statement-breakpoint
CREATE TRIGGER actor_facet_counts_update AFTER UPDATE ON actors REFERENCING OLD TABLE AS old_actors NEW TABLE AS new_actors
  FOR EACH STATEMENT EXECUTE FUNCTION actor_facet_counts_sync();--> statement-breakpoint
CREATE TRIGGER actor_facet_counts_delete AFTER DELETE ON actors REFERENCING OLD TABLE AS old_actors
  FOR EACH STATEMENT EXECUTE FUNCTION actor_facet_counts_sync();--> statement-breakpoint
CREATE TRIGGER actor_facet_counts_truncate AFTER TRUNCATE ON actors
  FOR EACH STATEMENT EXECUTE FUNCTION actor_facet_counts_sync();--> statement-breakpoint
INSERT INTO actor_facet_counts (facet, value, n)
SELECT f.facet, f.value, count(*)::int
FROM actors a
CROSS JOIN LATERAL actor_facet_values(a.family, a.commune_code, a.themes, a.sdgs, a.contributions, a.benefits) f
GROUP BY 1, 2;
