// Demo data for the « Données personnelles » page: consents collected by the animator for two listed people, and one
// fictional person listed four years ago without activity since, so that the retention review is not empty.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { DemoContext } from '../../demo/context.js';
import { actorPeople } from '../actors/schema.js';
import { recordConsent } from './consents.js';

export async function loadDemoPrivacy(db: Db, ctx: DemoContext): Promise<string | null> {
  const animator = ctx.users.get('animatrice@demo.alliances.local') ?? ctx.system;
  const people = await rowsOf<{ id: string }>(
    db,
    sql`SELECT p.id FROM actor_people p JOIN actors a ON a.id = p.actor_id ORDER BY a.name, p.position LIMIT 2`,
  );
  const [first, second] = people;
  if (!first || !second) return null;
  const origin = (source: string) => ({ recordedBy: animator.id, source });
  await recordConsent(db, { personId: first.id }, 'contact', true, origin('entretien téléphonique'));
  await recordConsent(db, { personId: first.id }, 'emails', true, origin('bulletin d’adhésion papier'));
  await recordConsent(db, { personId: second.id }, 'contact', true, origin('rencontre au forum des associations'));
  // A fictional person listed four years ago by an organisation never met since (no contact logged).
  const [quiet] = await rowsOf<{ id: string }>(
    db,
    sql`SELECT a.id FROM actors a
        WHERE NOT EXISTS (SELECT 1 FROM contact_logs l WHERE l.actor_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM actor_people p WHERE p.actor_id = a.id)
        ORDER BY a.name LIMIT 1`,
  );
  if (!quiet) return '3 consents of listed people';
  await db.insert(actorPeople).values({
    actorId: quiet.id,
    name: 'Gérard Ancelin',
    role: 'Ancien trésorier',
    visibility: 'animators',
    createdAt: sql`now() - interval '4 years'`,
  });
  return '3 consents of listed people, 1 person to review';
}
