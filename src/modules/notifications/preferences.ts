import { eq } from 'drizzle-orm';
import type { UserRole } from '../../auth/roles.js';
import type { Db } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { recordConsent } from '../privacy/consents.js';
import { notificationPreferences } from './schema.js';
import {
  defaultChoices,
  kindsForRole,
  matchmakingKinds,
  type NotificationChoice,
  type NotificationKind,
  notificationKinds,
} from './vocabulary.js';

export interface PreferenceOwner {
  id: string;
  role: UserRole;
}

/** The choices a user saved (kinds without a row are absent: their default applies). */
async function savedChoices(db: Db, userId: string): Promise<Map<NotificationKind, NotificationChoice>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, choice: notificationPreferences.choice })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return new Map(rows.map((r) => [r.kind, r.choice]));
}

/** The user's preferences, one per kind their role receives, saying which are still the default. */
export async function getPreferences(db: Db, user: PreferenceOwner) {
  const saved = await savedChoices(db, user.id);
  return {
    items: kindsForRole[user.role].map((kind) => ({
      kind,
      choice: saved.get(kind) ?? defaultChoices[kind],
      isDefault: !saved.has(kind),
    })),
  };
}

export type PreferenceChanges = Record<string, NotificationChoice>;

/**
 * Saves some choices (the others are kept). Each kind must be one the user's role receives (422 naming it). The
 * consent to e-mails (scope `emails`) follows what the user did in this save, never the defaults: setting some kind
 * to « instant » or « weekly » grants it; turning kinds off so that every kind is off withdraws it; anything else
 * (an empty save, matchmaking news off while other kinds still e-mail) records nothing.
 */
export async function updatePreferences(db: Db, user: PreferenceOwner, changes: PreferenceChanges) {
  const allowed: readonly string[] = kindsForRole[user.role];
  const issues = Object.keys(changes)
    .filter((kind) => !allowed.includes(kind))
    .map((kind) => ({
      field: kind,
      code: (notificationKinds as readonly string[]).includes(kind)
        ? 'notificationKindNotForRole'
        : 'unknownNotificationKind',
    }));
  if (issues.length) throw invalid(issues);
  await db.transaction(async (tx) => {
    for (const [kind, choice] of Object.entries(changes) as [NotificationKind, NotificationChoice][]) {
      await tx
        .insert(notificationPreferences)
        .values({ userId: user.id, kind, choice })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { choice, updatedAt: new Date() },
        });
    }
    const chosen = Object.values(changes);
    const grants = chosen.some((choice) => choice !== 'off');
    const withdraws = chosen.includes('off') && (await getPreferences(tx, user)).items.every((p) => p.choice === 'off');
    if (!grants && !withdraws) return;
    await recordConsent(tx, { userId: user.id }, 'emails', grants, {
      recordedBy: user.id,
      source: 'préférences de notification',
    });
  });
  return getPreferences(db, user);
}

/** Sets the same choice for all the matchmaking news (the demo's consents, the tests' members). */
export const setMatchmakingChoice = (db: Db, user: PreferenceOwner, choice: NotificationChoice) =>
  updatePreferences(db, user, Object.fromEntries(matchmakingKinds.map((kind) => [kind, choice])));
