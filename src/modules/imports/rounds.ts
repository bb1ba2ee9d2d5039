// Splits a batch into rounds of organisations that cannot affect each other's matching, so that a batch gives the
// same result as loading its organisations one by one (and therefore the same result whatever the batch size, or
// where a crashed run stopped): two organisations sharing a register id, an RNA, SIREN or SIRET, or a normalised name
// in a commune go to successive rounds, the later one then finding the actor the earlier one created or updated.
import type { RegisterOrganisation } from './types.js';

/**
 * The normalised name as JavaScript computes it: unaccented, lower case, punctuation and spaces as single spaces.
 * Only used to keep same-name organisations apart; the database's own key (actors.nameMatchKey) does the matching, so
 * a rare difference between the two only costs an extra round.
 */
export const nameKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function keysOf(o: RegisterOrganisation): string[] {
  const keys = [`id:${o.source}:${o.registerId}`, `name:${o.communeCode}:${nameKey(o.name)}`];
  if (o.rna) keys.push(`rna:${o.rna}`);
  if (o.siren) keys.push(`siren:${o.siren}`);
  if (o.siret) keys.push(`siret:${o.siret}`);
  return keys;
}

/** Rounds in order; each organisation goes one round after the last round holding any of its keys. */
export function splitRounds<T extends { organisation: RegisterOrganisation }>(items: T[]): T[][] {
  const lastRound = new Map<string, number>();
  const rounds: T[][] = [];
  for (const item of items) {
    const keys = keysOf(item.organisation);
    const round = Math.max(-1, ...keys.map((k) => lastRound.get(k) ?? -1)) + 1;
    for (const k of keys) lastRound.set(k, round);
    const list = rounds[round] ?? [];
    if (!list.length) rounds[round] = list;
    list.push(item);
  }
  return rounds;
}
