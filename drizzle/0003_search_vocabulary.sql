CREATE TABLE "actor_lexemes" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"n" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "actor_lexemes_trgm_idx" ON "actor_lexemes" USING gin ("lexeme" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "actor_facet_counts_top_idx" ON "actor_facet_counts" USING btree ("facet","n");--> statement-breakpoint
CREATE INDEX "actors_name_fts_idx" ON "actors" USING gin (to_tsvector('fr_unaccent', "name"));
--> statement-breakpoint
-- The vocabulary of the directory (see actor_lexemes in src/modules/actors/schema.ts): every lexeme of the actors'
-- search vectors with the number of actors holding it, kept by statement-level triggers (one grouped upsert per
-- statement, in lexeme order so that concurrent writers lock rows in the same order).
CREATE OR REPLACE FUNCTION actor_lexemes_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM actor_lexemes;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO actor_lexemes AS l (lexeme, n)
    SELECT x.lexeme, count(*)::int FROM new_actors a, unnest(tsvector_to_array(a.search_vector)) AS x(lexeme)
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (lexeme) DO UPDATE SET n = l.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO actor_lexemes AS l (lexeme, n)
    SELECT x.lexeme, -count(*)::int FROM old_actors a, unnest(tsvector_to_array(a.search_vector)) AS x(lexeme)
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (lexeme) DO UPDATE SET n = l.n + excluded.n;
  ELSE
    INSERT INTO actor_lexemes AS l (lexeme, n)
    SELECT d.lexeme, sum(d.delta)::int
    FROM (
      SELECT x.lexeme, -1 AS delta FROM old_actors a, unnest(tsvector_to_array(a.search_vector)) AS x(lexeme)
      UNION ALL
      SELECT x.lexeme, 1 FROM new_actors a, unnest(tsvector_to_array(a.search_vector)) AS x(lexeme)
    ) d
    GROUP BY 1 HAVING sum(d.delta) <> 0 ORDER BY 1
    ON CONFLICT (lexeme) DO UPDATE SET n = l.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER actor_lexemes_insert AFTER INSERT ON actors REFERENCING NEW TABLE AS new_actors
  FOR EACH STATEMENT EXECUTE FUNCTION actor_lexemes_sync();--> statement-breakpoint
CREATE TRIGGER actor_lexemes_update AFTER UPDATE ON actors REFERENCING OLD TABLE AS old_actors NEW TABLE AS new_actors
  FOR EACH STATEMENT EXECUTE FUNCTION actor_lexemes_sync();--> statement-breakpoint
CREATE TRIGGER actor_lexemes_delete AFTER DELETE ON actors REFERENCING OLD TABLE AS old_actors
  FOR EACH STATEMENT EXECUTE FUNCTION actor_lexemes_sync();--> statement-breakpoint
CREATE TRIGGER actor_lexemes_truncate AFTER TRUNCATE ON actors
  FOR EACH STATEMENT EXECUTE FUNCTION actor_lexemes_sync();--> statement-breakpoint
INSERT INTO actor_lexemes (lexeme, n)
SELECT x.lexeme, count(*)::int FROM actors a, unnest(tsvector_to_array(a.search_vector)) AS x(lexeme) GROUP BY 1;--> statement-breakpoint
-- A one-lexeme tsquery, taken as it is (no parsing into words, no stemming).
CREATE OR REPLACE FUNCTION quote_lexeme(lexeme text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')::tsquery $$;--> statement-breakpoint
-- The directory's text query: websearch syntax ("exact phrase", or, -word) in French without accents, where each
-- lexeme no actor holds (a typo, a word cut short) is replaced by the up to 3 closest known lexemes by trigram
-- similarity (pg_trgm's `%`, threshold pg_trgm.similarity_threshold), e.g. `charly fre` → ('charl' | …) & 'fre'.
-- Lexemes shorter than 3 characters are kept as they are.
CREATE OR REPLACE FUNCTION actor_search_query(q text) RETURNS tsquery LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  result tsquery := websearch_to_tsquery('fr_unaccent', q);
  word text;
  closest text;
  alternatives tsquery;
BEGIN
  FOR word IN SELECT DISTINCT w FROM unnest(tsvector_to_array(to_tsvector('fr_unaccent', q))) AS t(w) LOOP
    CONTINUE WHEN length(word) < 3 OR EXISTS (SELECT 1 FROM actor_lexemes WHERE lexeme = word AND n > 0);
    alternatives := NULL;
    FOR closest IN
      SELECT lexeme FROM actor_lexemes
      WHERE lexeme % word AND n > 0
      ORDER BY similarity(lexeme, word) DESC, n DESC, lexeme
      LIMIT 3
    LOOP
      alternatives := coalesce(alternatives || quote_lexeme(closest), quote_lexeme(closest));
    END LOOP;
    IF alternatives IS NOT NULL THEN
      result := ts_rewrite(result, quote_lexeme(word), alternatives);
    END IF;
  END LOOP;
  RETURN result;
END $$;
--> statement-breakpoint
-- The directory's queries are short and bounded (src/modules/actors/search.ts): parallel workers only add their
-- start-up and shut-down to them (measured: a LIMIT query waiting 200 ms on its workers). No effect on PGlite.
ALTER TABLE actors SET (parallel_workers = 0);
