CREATE TYPE "public"."match_dismiss_reason" AS ENUM('notRelevant', 'alreadyInTouch', 'tooFar', 'noCapacity', 'notNow', 'other');--> statement-breakpoint
CREATE TYPE "public"."match_request_status" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."match_subject_kind" AS ENUM('actor', 'need', 'offer', 'project');--> statement-breakpoint
CREATE TYPE "public"."notification_choice" AS ENUM('off', 'instant', 'weekly');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('mutualSuggestion', 'contactRequest', 'requestAccepted', 'requestDeclined');--> statement-breakpoint
CREATE TABLE "match_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"subject_kind" "match_subject_kind" NOT NULL,
	"subject_id" uuid NOT NULL,
	"accepted" boolean NOT NULL,
	"dismiss_reason" "match_dismiss_reason",
	"note" text DEFAULT '' NOT NULL,
	"score" real NOT NULL,
	"reason_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_profiles" (
	"actor_id" uuid PRIMARY KEY NOT NULL,
	"family" "actor_family" NOT NULL,
	"commune_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"themes" text[] NOT NULL,
	"sdgs" smallint[] NOT NULL,
	"contributions" text[] NOT NULL,
	"benefits" text[] NOT NULL,
	"offer_resources" text[] NOT NULL,
	"need_resources" text[] NOT NULL,
	"modes" text[] NOT NULL,
	"give_words" text[] NOT NULL,
	"ask_words" text[] NOT NULL,
	"open_items" integer NOT NULL,
	"fresh_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_actor_id" uuid NOT NULL,
	"to_actor_id" uuid NOT NULL,
	"subject_kind" "match_subject_kind" NOT NULL,
	"subject_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "match_request_status" DEFAULT 'pending' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"partnership_id" uuid
);
--> statement-breakpoint
CREATE TABLE "match_terms" (
	"actor_id" uuid NOT NULL,
	"term" text NOT NULL,
	"commune_code" text NOT NULL,
	"fresh_at" timestamp with time zone NOT NULL,
	CONSTRAINT "match_terms_actor_id_term_pk" PRIMARY KEY("actor_id","term")
);
--> statement-breakpoint
CREATE TABLE "mutual_notices" (
	"actor_a" uuid NOT NULL,
	"actor_b" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_notices_actor_a_actor_b_pk" PRIMARY KEY("actor_a","actor_b")
);
--> statement-breakpoint
CREATE TABLE "partner_suggestions" (
	"actor_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"score" real NOT NULL,
	"first_suggested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_suggestions_actor_id_candidate_id_pk" PRIMARY KEY("actor_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"matching" "notification_choice" DEFAULT 'off' NOT NULL,
	"consented_at" timestamp with time zone,
	"last_digest_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"mailed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "match_decisions" ADD CONSTRAINT "match_decisions_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_decisions" ADD CONSTRAINT "match_decisions_candidate_id_actors_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_decisions" ADD CONSTRAINT "match_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_profiles" ADD CONSTRAINT "match_profiles_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_from_actor_id_actors_id_fk" FOREIGN KEY ("from_actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_to_actor_id_actors_id_fk" FOREIGN KEY ("to_actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_terms" ADD CONSTRAINT "match_terms_actor_id_match_profiles_actor_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."match_profiles"("actor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_notices" ADD CONSTRAINT "mutual_notices_actor_a_actors_id_fk" FOREIGN KEY ("actor_a") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_notices" ADD CONSTRAINT "mutual_notices_actor_b_actors_id_fk" FOREIGN KEY ("actor_b") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_suggestions" ADD CONSTRAINT "partner_suggestions_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_suggestions" ADD CONSTRAINT "partner_suggestions_candidate_id_actors_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_decisions_pair_idx" ON "match_decisions" USING btree ("actor_id","candidate_id");--> statement-breakpoint
CREATE INDEX "match_decisions_candidate_idx" ON "match_decisions" USING btree ("candidate_id","actor_id");--> statement-breakpoint
CREATE INDEX "match_requests_to_idx" ON "match_requests" USING btree ("to_actor_id","status","created_at");--> statement-breakpoint
CREATE INDEX "match_requests_from_idx" ON "match_requests" USING btree ("from_actor_id","status","created_at");--> statement-breakpoint
CREATE INDEX "match_terms_local_idx" ON "match_terms" USING btree ("term","commune_code","fresh_at" DESC NULLS LAST,"actor_id");--> statement-breakpoint
CREATE INDEX "match_terms_global_idx" ON "match_terms" USING btree ("term","fresh_at" DESC NULLS LAST,"actor_id");--> statement-breakpoint
CREATE INDEX "partner_suggestions_candidate_idx" ON "partner_suggestions" USING btree ("candidate_id");--> statement-breakpoint
-- The scoring query's text hits: the latest open needs or offers sharing a word with the subject, walked from the
-- latest when many items share one (src/modules/matching/score.ts, docs/benchmarks.md). Not partial (status =
-- 'open'): with stale statistics the planner took a partial one for the triggers' lookups of an actor's open items,
-- walking all of them. Not in the Drizzle schema.
CREATE INDEX "needs_offers_updated_idx" ON "needs_offers" USING btree ("updated_at" DESC);--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
-- The recommender's components (src/modules/matching: weights.ts holds the tunables passed in, ADR 0005 the why).
-- Each is a small immutable function so that it can be tested on its own and read in the scoring query.
-- A stakeholder item without its family and direction: 'company.contribution.means' → 'means' (what follows the
-- last dot; split_part rather than a regular expression: five times cheaper, and called for every item scored).
CREATE OR REPLACE FUNCTION match_item_key(item text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT split_part(item, '.', -1)
$$;--> statement-breakpoint
-- The functions called for every scored candidate (coverage, implied, shared, family fit) are PL/pgSQL loops over
-- the small arrays, with no query inside: each call then costs a couple of microseconds, where an SQL function with a
-- subquery (SELECT … FROM unnest(…)) starts an executor every time, two to three times as much (docs/benchmarks.md).
-- Share of what is sought that the other gives (declared offers fully, implied resources for a credit); covering
-- `for_full` of them is enough for the full score (an actor seeking five things is well served by a partner for two).
-- Each distinct resource sought counts once.
CREATE OR REPLACE FUNCTION match_coverage(wanted text[], offered text[], implied text[], implied_credit real,
  for_full integer) RETURNS real LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  w text;
  seen text[] := '{}';
  total real := 0;
BEGIN
  IF wanted IS NULL OR cardinality(wanted) = 0 THEN RETURN 0; END IF;
  FOREACH w IN ARRAY wanted LOOP
    CONTINUE WHEN w = ANY(seen);
    seen := seen || w;
    IF w = ANY(offered) THEN total := total + 1;
    ELSIF w = ANY(implied) THEN total := total + implied_credit;
    END IF;
  END LOOP;
  RETURN least(1, total / least(cardinality(seen)::bigint, for_full))::real;
END $$;--> statement-breakpoint
-- An array's distinct elements in order (insertion sort: the arrays scored hold a handful of elements).
CREATE OR REPLACE FUNCTION match_sorted_set(a text[]) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  x text;
  result text[] := '{}';
  j integer;
BEGIN
  FOREACH x IN ARRAY a LOOP
    CONTINUE WHEN x = ANY(result);
    j := cardinality(result);
    result := result || x;
    WHILE j >= 1 AND result[j] > x LOOP
      result[j + 1] := result[j];
      j := j - 1;
    END LOOP;
    result[j + 1] := x;
  END LOOP;
  RETURN result;
END $$;--> statement-breakpoint
-- The resources some declared items imply (weights.ts maps), distinct and in order.
CREATE OR REPLACE FUNCTION match_implied(items text[], links jsonb) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  item text;
  implied jsonb;
  found text[] := '{}';
BEGIN
  IF items IS NULL THEN RETURN '{}'; END IF;
  FOREACH item IN ARRAY items LOOP
    implied := links -> match_item_key(item);
    CONTINUE WHEN implied IS NULL;
    FOR k IN 0 .. jsonb_array_length(implied) - 1 LOOP
      found := found || (implied ->> k);
    END LOOP;
  END LOOP;
  RETURN match_sorted_set(found);
END $$;--> statement-breakpoint
-- The distinct elements of `a` found in `b`, in order.
CREATE OR REPLACE FUNCTION match_shared(a text[], b text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  x text;
  found text[] := '{}';
BEGIN
  IF a IS NULL OR b IS NULL THEN RETURN '{}'; END IF;
  FOREACH x IN ARRAY a LOOP
    IF x = ANY(b) THEN found := found || x; END IF;
  END LOOP;
  RETURN match_sorted_set(found);
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION match_words(wanted text[], have text[], words_for_full integer) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT least(1, cardinality(match_shared(wanted, have))::real / greatest(1, least(words_for_full, cardinality(wanted))))
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION match_affinity(themes text[], other_themes text[], sdgs smallint[], other_sdgs smallint[],
  theme_share real) RETURNS real LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN cardinality(themes) = 0 AND cardinality(sdgs) = 0 THEN 0::real
    WHEN cardinality(themes) = 0 THEN cardinality(match_shared(sdgs::text[], other_sdgs::text[]))::real / cardinality(sdgs)
    WHEN cardinality(sdgs) = 0 THEN cardinality(match_shared(themes, other_themes))::real / cardinality(themes)
    ELSE (theme_share * cardinality(match_shared(themes, other_themes)) / cardinality(themes)
      + (1 - theme_share) * cardinality(match_shared(sdgs::text[], other_sdgs::text[])) / cardinality(sdgs))::real
  END
$$;--> statement-breakpoint
-- Great-circle distance in km between two points (NULL when one is unknown).
CREATE OR REPLACE FUNCTION match_km(lat1 double precision, lon1 double precision, lat2 double precision,
  lon2 double precision) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 2 * 6371 * asin(sqrt(power(sin(radians(lat2 - lat1) / 2), 2)
    + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2)))
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION match_territory(same_commune boolean, same_territory boolean, km double precision,
  same_territory_score real, radius_km real) RETURNS real LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN same_commune THEN 1::real ELSE greatest(
    CASE WHEN same_territory THEN same_territory_score ELSE 0 END,
    CASE WHEN km IS NULL THEN 0 ELSE greatest(0, 1 - km / radius_km) END)::real END
$$;--> statement-breakpoint
-- Modes: both name one in common 1, one names none 0.5 (anything goes), none in common 0.
CREATE OR REPLACE FUNCTION match_modes(modes text[], other_modes text[]) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN cardinality(modes) = 0 OR cardinality(other_modes) = 0 THEN 0.5::real
    WHEN modes && other_modes THEN 1::real ELSE 0::real END
$$;--> statement-breakpoint
-- What one expects of a partner of the other's family (Le Rameau): peers bring a complementary scope (something the
-- subject does not give itself); others show what their family is expected to bring (weights.ts familyExpectations).
CREATE OR REPLACE FUNCTION match_family_fit(family actor_family, other_family actor_family, gives text[],
  other_gives text[], other_contributions text[], expectations jsonb) RETURNS real
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  x text;
  expected jsonb := expectations -> other_family::text;
BEGIN
  IF family = other_family THEN
    FOREACH x IN ARRAY coalesce(other_gives, '{}') LOOP
      IF NOT x = ANY(gives) THEN RETURN 1; END IF;
    END LOOP;
    RETURN 0.3;
  END IF;
  -- `?` and `?|` find strings among a JSON array's elements.
  FOREACH x IN ARRAY coalesce(other_contributions, '{}') LOOP
    IF (expected -> 'contributions') ? match_item_key(x) THEN RETURN 1; END IF;
  END LOOP;
  IF (expected -> 'resources') ?| other_gives THEN RETURN 1; END IF;
  RETURN 0.2;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION match_freshness(fresh_at timestamptz, open_items integer, at timestamptz,
  half_life_days real, open_items_for_full integer) RETURNS real LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (0.6 * exp(-ln(2) * greatest(0, extract(epoch FROM at - fresh_at) / 86400) / half_life_days)
    + 0.4 * least(open_items, open_items_for_full)::real / open_items_for_full)::real
$$;--> statement-breakpoint
-- Rebuilds the profiles and terms of some actors from their rows and their open needs and offers.
CREATE OR REPLACE FUNCTION match_profiles_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM match_terms WHERE actor_id = ANY(ids);
  DELETE FROM match_profiles WHERE actor_id = ANY(ids);
  INSERT INTO match_profiles (actor_id, family, commune_code, latitude, longitude, themes, sdgs, contributions,
    benefits, offer_resources, need_resources, modes, give_words, ask_words, open_items, fresh_at)
  SELECT a.id, a.family, a.commune_code, c.latitude, c.longitude, a.themes, a.sdgs, a.contributions, a.benefits,
    coalesce(o.offer_resources, '{}'), coalesce(o.need_resources, '{}'), coalesce(o.modes, '{}'),
    tsvector_to_array(to_tsvector('fr_unaccent', a.description || ' ' || a.contributions_text || ' '
      || coalesce(o.offer_text, ''))),
    tsvector_to_array(to_tsvector('fr_unaccent', a.benefits_text || ' ' || coalesce(o.need_text, ''))),
    coalesce(o.open_items, 0), greatest(a.updated_at, o.fresh_at)
  FROM actors a
  LEFT JOIN communes c ON c.code = a.commune_code
  LEFT JOIN LATERAL (
    SELECT array(SELECT DISTINCT r FROM needs_offers x, unnest(x.resources) r
        WHERE x.actor_id = a.id AND x.status = 'open' AND x.kind = 'offer' ORDER BY r) AS offer_resources,
      array(SELECT DISTINCT r FROM needs_offers x, unnest(x.resources) r
        WHERE x.actor_id = a.id AND x.status = 'open' AND x.kind = 'need' ORDER BY r) AS need_resources,
      array(SELECT DISTINCT m::text FROM needs_offers x, unnest(x.modes) m
        WHERE x.actor_id = a.id AND x.status = 'open' ORDER BY 1) AS modes,
      string_agg(n.title || ' ' || n.description, ' ') FILTER (WHERE n.kind = 'offer') AS offer_text,
      string_agg(n.title || ' ' || n.description, ' ') FILTER (WHERE n.kind = 'need') AS need_text,
      count(*)::int AS open_items, max(n.updated_at) AS fresh_at
    FROM needs_offers n WHERE n.actor_id = a.id AND n.status = 'open'
  ) o ON true
  WHERE a.id = ANY(ids)
  -- Two transactions rebuilding the same actor at once: the second one's row wins instead of a key violation.
  ON CONFLICT (actor_id) DO UPDATE SET family = excluded.family, commune_code = excluded.commune_code,
    latitude = excluded.latitude, longitude = excluded.longitude, themes = excluded.themes, sdgs = excluded.sdgs,
    contributions = excluded.contributions, benefits = excluded.benefits, offer_resources = excluded.offer_resources,
    need_resources = excluded.need_resources, modes = excluded.modes, give_words = excluded.give_words,
    ask_words = excluded.ask_words, open_items = excluded.open_items, fresh_at = excluded.fresh_at;
  INSERT INTO match_terms (actor_id, term, commune_code, fresh_at)
  SELECT DISTINCT p.actor_id, t.term, coalesce(p.commune_code, ''), p.fresh_at
  FROM match_profiles p, LATERAL (
    SELECT 'offer:' || x FROM unnest(p.offer_resources) x
    UNION ALL SELECT 'need:' || x FROM unnest(p.need_resources) x
    UNION ALL SELECT 'contrib:' || match_item_key(x) FROM unnest(p.contributions) x
    UNION ALL SELECT 'benefit:' || match_item_key(x) FROM unnest(p.benefits) x
    UNION ALL SELECT 'theme:' || x FROM unnest(p.themes) x
  ) t(term)
  WHERE p.actor_id = ANY(ids)
  ON CONFLICT (actor_id, term) DO UPDATE SET commune_code = excluded.commune_code, fresh_at = excluded.fresh_at;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION match_profiles_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'actors' THEN
    PERFORM match_profiles_refresh(array(SELECT id FROM new_rows));
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM match_profiles_refresh(array(SELECT DISTINCT actor_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM match_profiles_refresh(array(SELECT DISTINCT actor_id FROM old_rows));
  ELSE
    PERFORM match_profiles_refresh(array(SELECT actor_id FROM new_rows UNION SELECT actor_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER match_profiles_actors_insert AFTER INSERT ON actors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_profiles_sync();--> statement-breakpoint
CREATE TRIGGER match_profiles_actors_update AFTER UPDATE ON actors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_profiles_sync();--> statement-breakpoint
CREATE TRIGGER match_profiles_needs_insert AFTER INSERT ON needs_offers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_profiles_sync();--> statement-breakpoint
CREATE TRIGGER match_profiles_needs_update AFTER UPDATE ON needs_offers REFERENCING OLD TABLE AS old_rows
  NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_profiles_sync();--> statement-breakpoint
CREATE TRIGGER match_profiles_needs_delete AFTER DELETE ON needs_offers REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_profiles_sync();--> statement-breakpoint
SELECT match_profiles_refresh(array(SELECT id FROM actors));
--> statement-breakpoint
-- At most one pending request from one actor to another: two acceptances at once cannot both send one.
CREATE UNIQUE INDEX "match_requests_pending_pair_idx" ON "match_requests" ("from_actor_id", "to_actor_id")
  WHERE status = 'pending';
