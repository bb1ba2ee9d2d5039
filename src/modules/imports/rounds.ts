// Splits a batch into rounds of organisations that cannot affect each other's matching, so that a batch gives the
// same result as loading its organisations one by one (and therefore the same result whatever the batch size, or
// where a crashed run stopped): two organisations sharing a register id, an RNA, SIREN or SIRET, or a normalised name
// in a commune go to successive rounds, the later one then finding the actor the earlier one created or updated.
import { sql } from 'drizzle-orm';
import type { Handle } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { nameMatchKey } from '../actors/schema.js';
import type { RegisterOrganisation } from './types.js';

/**
 * The batch's names with their match keys, computed by the database with the very expression of the name match
 * (load.ts, actors_match_key_idx): a key computed in JavaScript would tell apart names the database takes for the same
 * (ligatures, ø, ł…), which would then share a round and escape review.
 */
async function matchKeys(tx: Handle, names: string[]): Promise<Map<string, string>> {
  const rows = await rowsOf<{ name: string; key: string }>(
    tx,
    sql`SELECT n AS name, ${nameMatchKey(sql`immutable_unaccent(lower(n))`)} AS key
      FROM jsonb_array_elements_text(${JSON.stringify([...new Set(names)])}::jsonb) AS n`,
  );
  return new Map(rows.map((r) => [r.name, r.key]));
}

function keysOf(o: RegisterOrganisation, nameKey: string | undefined): string[] {
  const keys = [`id:${o.source}:${o.registerId}`, `name:${o.communeCode}:${nameKey}`];
  if (o.rna) keys.push(`rna:${o.rna}`);
  if (o.siren) keys.push(`siren:${o.siren}`);
  if (o.siret) keys.push(`siret:${o.siret}`);
  return keys;
}

/** Rounds in order; each organisation goes one round after the last round holding any of its keys. */
export async function splitRounds<T extends { organisation: RegisterOrganisation }>(
  tx: Handle,
  items: T[],
): Promise<T[][]> {
  if (!items.length) return [];
  const nameKeys = await matchKeys(
    tx,
    items.map((i) => i.organisation.name),
  );
  const lastRound = new Map<string, number>();
  const rounds: T[][] = [];
  for (const item of items) {
    const keys = keysOf(item.organisation, nameKeys.get(item.organisation.name));
    const round = Math.max(-1, ...keys.map((k) => lastRound.get(k) ?? -1)) + 1;
    for (const k of keys) lastRound.set(k, round);
    const list = rounds[round] ?? [];
    if (!list.length) rounds[round] = list;
    list.push(item);
  }
  return rounds;
}
