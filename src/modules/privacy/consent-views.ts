// Consents as people read them: the one in force per scope with its date, and the history (privacy/consents.ts
// writes them). Account holders change their own; staff and an organisation's members record those they collected
// for the people the organisation lists.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { parseInput } from '../../errors.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { type ConsentSubject, recordConsent, subjectIs } from './consents.js';
import {
  type ConsentsView,
  type MyConsentsBody,
  myConsentsBody,
  type PersonConsentBody,
  type PersonConsentsView,
  personConsentBody,
} from './contract.js';
import { editablePerson } from './people.js';
import { consentRecords } from './schema.js';
import { consentScopes } from './vocabulary.js';

/** What the account page records as the source of a consent the holder changed themself. */
const accountPageSource = 'page « Mon compte »';

/** Every scope with its consent in force (the latest record) and its history, newest first. */
export async function consentsOf(db: Db, subject: ConsentSubject): Promise<ConsentsView> {
  const rows = await db
    .select({
      scope: consentRecords.scope,
      granted: consentRecords.granted,
      at: consentRecords.at,
      source: consentRecords.source,
      recordedByName: users.displayName,
    })
    .from(consentRecords)
    .leftJoin(users, eq(users.id, consentRecords.recordedBy))
    .where(subjectIs(subject))
    .orderBy(desc(consentRecords.at), desc(consentRecords.id));
  return {
    scopes: consentScopes.map((scope) => {
      const history = rows
        .filter((r) => r.scope === scope)
        .map((r) => ({
          granted: r.granted,
          at: r.at.toISOString(),
          source: r.source,
          recordedByName: r.recordedByName,
        }));
      const latest = history[0];
      return { scope, granted: latest?.granted ?? false, at: latest?.at ?? null, history };
    }),
  };
}

export async function setMyConsents(db: Db, user: CurrentUser, input: MyConsentsBody): Promise<ConsentsView> {
  const body = parseInput(myConsentsBody, input);
  await db.transaction(async (tx) => {
    for (const scope of consentScopes) {
      const granted = body[scope];
      if (granted === undefined) continue;
      await recordConsent(tx, { userId: user.id }, scope, granted, { recordedBy: user.id, source: accountPageSource });
    }
  });
  return consentsOf(db, { userId: user.id });
}

export async function personConsents(db: Db, viewer: CurrentUser, personId: string): Promise<PersonConsentsView> {
  const person = await editablePerson(db, viewer, personId);
  return { person, ...(await consentsOf(db, { personId })) };
}

/** A consent collected elsewhere (a call, a form on paper): recorded with how, by whom, dated now. */
export async function recordPersonConsent(
  db: Db,
  viewer: CurrentUser,
  personId: string,
  input: PersonConsentBody,
): Promise<PersonConsentsView> {
  const body = parseInput(personConsentBody, input);
  const person = await editablePerson(db, viewer, personId);
  await recordConsent(db, { personId }, body.scope, body.granted, { recordedBy: viewer.id, source: body.source });
  return { person, ...(await consentsOf(db, { personId })) };
}
