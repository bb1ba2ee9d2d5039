// What goes into actor_history: field → [before, after]. People are personal data: only their number is recorded.
import { type ActorData, actorFieldNames, type Visibility } from './contract.js';
import { canRead, effectiveFieldVisibility, type Viewer } from './visibility.js';

export type Changes = Record<string, [unknown, unknown]>;

/** The actor's own fields (people aside), as stored and compared. */
export type ActorFields = Omit<ActorData, 'people'>;
export { actorFieldNames };

const isEmpty = (v: unknown) =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** Stable comparison of JSON-like values (object keys in any order). */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, canonical(x)]),
    );
  }
  return v ?? null;
}

/** On creation: every non-empty field as [null, value]; people as [null, how many]. */
export function creationChanges(fields: ActorFields, peopleCount: number): Changes {
  const changes: Changes = {};
  for (const name of actorFieldNames) {
    if (!isEmpty(fields[name])) changes[name] = [null, fields[name]];
  }
  if (peopleCount > 0) changes.people = [null, peopleCount];
  return changes;
}

/** On update: the fields that changed as [before, after]; people as [count before, count after] when any changed. */
export function updateChanges(
  before: ActorFields,
  after: ActorFields,
  people: { before: number; after: number; changed: boolean },
): Changes {
  const changes: Changes = {};
  for (const name of actorFieldNames) {
    const a = before[name] ?? null;
    const b = after[name] ?? null;
    if (!sameValue(a, b)) changes[name] = [a, b];
  }
  if (people.changed) changes.people = [people.before, people.after];
  return changes;
}

/**
 * History as a given reader may see it: the values of restrictable fields the reader may not read on the actor today
 * are blanked (the change itself stays listed).
 */
export function redactChanges(
  viewer: Viewer,
  actorId: string,
  fieldVisibility: Partial<Record<string, Visibility>>,
  changes: Changes,
): Changes {
  const levels: Partial<Record<string, Visibility>> = effectiveFieldVisibility(fieldVisibility);
  const result: Changes = {};
  for (const [field, pair] of Object.entries(changes)) {
    const level = levels[field];
    result[field] = level && !canRead(viewer, actorId, level) ? [null, null] : pair;
  }
  return result;
}
