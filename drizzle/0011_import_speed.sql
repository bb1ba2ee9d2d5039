-- Register imports create actors by the thousand per statement (issue 6), and the matching profiles' trigger was a
-- third of that cost: match_profiles_refresh looks every new actor up again by id, probes needs_offers four times per
-- actor and deletes profiles and terms that cannot exist yet. A new actor has no needs or offers (they reference it)
-- and no profile, so on INSERT its profile and terms are built from the inserted rows alone: the same rows as
-- match_profiles_refresh writes for them (no open items, nothing offered or needed, fresh at its updated_at).
CREATE OR REPLACE FUNCTION match_profiles_insert_actors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO match_profiles (actor_id, family, commune_code, latitude, longitude, themes, sdgs, contributions,
    benefits, offer_resources, need_resources, modes, give_words, ask_words, open_items, fresh_at)
  SELECT a.id, a.family, a.commune_code, c.latitude, c.longitude, a.themes, a.sdgs, a.contributions, a.benefits,
    '{}', '{}', '{}',
    tsvector_to_array(to_tsvector('fr_unaccent', a.description || ' ' || a.contributions_text || ' ')),
    tsvector_to_array(to_tsvector('fr_unaccent', a.benefits_text || ' ')),
    0, a.updated_at
  FROM new_rows a
  LEFT JOIN communes c ON c.code = a.commune_code;
  INSERT INTO match_terms (actor_id, term, commune_code, fresh_at)
  SELECT DISTINCT a.id, t.term, coalesce(a.commune_code, ''), a.updated_at
  FROM new_rows a, LATERAL (
    SELECT 'contrib:' || match_item_key(x) FROM unnest(a.contributions) x
    UNION ALL SELECT 'benefit:' || match_item_key(x) FROM unnest(a.benefits) x
    UNION ALL SELECT 'theme:' || x FROM unnest(a.themes) x
  ) t(term);
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER match_profiles_actors_insert ON actors;--> statement-breakpoint
CREATE TRIGGER match_profiles_actors_insert AFTER INSERT ON actors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_profiles_insert_actors();
