// `npm run cli -- retention`: the retention pass of the RGPD rules (modules/privacy/retention.ts), to run daily
// (cron) or by hand: what is due for review is counted (staff decide on the « Données personnelles » page), what no
// longer serves is purged. Prints counts only, never a name nor an address.
import type { Db } from '../db/client.js';
import { runRetention } from '../modules/privacy/retention.js';
import { plural } from '../modules/reviews/sections/common.js';

export const retentionUsage = `  retention                         Applique les durées de conservation (RGPD) : compte les personnes et comptes
                                    sans activité depuis 3 ans à revoir, supprime les sessions et liens expirés,
                                    les compteurs de connexion anciens, les courriels envoyés ou abandonnés depuis
                                    plus d’un an, ceux jamais partis après 90 jours, les notifications lues depuis
                                    plus d’un an et les entrées du journal d’audit échues.`;

export async function retentionCommand(
  io: { out(line: string): void },
  withDb: <T>(run: (db: Db) => Promise<T>) => Promise<T>,
  now = new Date(),
): Promise<number> {
  const r = await withDb((db) => runRetention(db, now));
  io.out(
    `À revoir (sans activité depuis 3 ans) : ${plural(r.peopleToReview, 'personne', 'personnes')}, ${plural(r.accountsToReview, 'compte', 'comptes')}.`,
  );
  io.out(
    `Supprimés : ${plural(r.sessions, 'session expirée', 'sessions expirées')}, ${plural(r.passwordResets, 'lien de mot de passe', 'liens de mot de passe')}, ` +
      `${plural(r.loginFailures + r.signupRequests, 'compteur de connexion ou d’inscription', 'compteurs de connexion ou d’inscription')}, ` +
      `${plural(r.sentMails + r.deadMails, 'courriel envoyé ou abandonné', 'courriels envoyés ou abandonnés')}, ` +
      `${plural(r.unsentMails, 'courriel jamais parti', 'courriels jamais partis')}, ` +
      `${plural(r.readNotifications, 'notification lue', 'notifications lues')}, ` +
      `${plural(r.auditEntries, 'entrée du journal d’audit', 'entrées du journal d’audit')}.`,
  );
  return 0;
}
