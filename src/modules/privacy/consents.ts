import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { consentRecords } from './schema.js';
import type { ConsentScope } from './vocabulary.js';

/** Whose consent: an account, or a person listed by an organisation. */
export type ConsentSubject = { userId: string; personId?: undefined } | { personId: string; userId?: undefined };

export interface ConsentOrigin {
  /** Who recorded it (the person themself, or who collected it); null for the system. */
  recordedBy: string | null;
  /**
   * How it was collected, in a few words (« entretien téléphonique », « formulaire papier du forum »), at most
   * consentSourceMax characters (contract.ts). Typed by members: it should name a channel and a date, not people
   * (the subject is known already); a name typed there anyway is replaced at erasure (scrub.ts).
   */
  source: string;
}

/** The records of this subject. */
export const subjectIs = (subject: ConsentSubject) =>
  subject.userId ? eq(consentRecords.userId, subject.userId) : eq(consentRecords.personId, subject.personId ?? '');

/** The consent in force for one scope: the latest record, or null when none was ever given. */
export async function consentInForce(db: Db, subject: ConsentSubject, scope: ConsentScope) {
  const [row] = await db
    .select({ granted: consentRecords.granted, at: consentRecords.at })
    .from(consentRecords)
    .where(and(subjectIs(subject), eq(consentRecords.scope, scope)))
    .orderBy(desc(consentRecords.at), desc(consentRecords.id))
    .limit(1);
  return row ?? null;
}

/**
 * Records a consent given or withdrawn, dated now, unless it is already the one in force (so that saving a form
 * twice does not add history). Returns whether a record was written.
 */
export async function recordConsent(
  db: Db,
  subject: ConsentSubject,
  scope: ConsentScope,
  granted: boolean,
  origin: ConsentOrigin,
): Promise<boolean> {
  const current = await consentInForce(db, subject, scope);
  if ((current?.granted ?? false) === granted) return false;
  await db.insert(consentRecords).values({
    userId: subject.userId ?? null,
    personId: subject.personId ?? null,
    scope,
    granted,
    recordedBy: origin.recordedBy,
    source: origin.source,
  });
  return true;
}
