-- actor_lexemes is a counter table updated by triggers: room on each page for HOT updates, and no GIN pending list,
-- so that the typo lookup of actor_search_query stays an index lookup between vacuums (docs/benchmarks.md, findings).
ALTER TABLE actor_lexemes SET (fillfactor = 50);--> statement-breakpoint
ALTER INDEX actor_lexemes_trgm_idx SET (fastupdate = off);
