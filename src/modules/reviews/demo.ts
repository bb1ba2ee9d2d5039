// The demo programme's 2017 review, its texts written from the seeds' first-year review (« Bilan 1ère année
// 2016-2017 », ../shared/seeds/first-year-review-2016-2017.txt) with roles and organisations only, never a person's
// name; published, so that the public page shows it. Its figures come from the other demo data, as for any review.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import { programmes } from '../programmes/schema.js';
import { setReviewPublication, updateReviewTexts } from './service.js';

const programmeName = "Envies d'Alliances";

export const demoReview2017 = {
  introduction: `Il y a un an, Pays d’Aix Associations lançait Envies d’Alliances, une démarche projet expérimentale sur quatre ans (septembre 2016 – décembre 2020)\u202f: contribuer à des partenariats entre entreprises et associations selon la typologie du RAMEAU, et favoriser le dialogue territorial et les dynamiques d’alliances sur le Pays d’Aix.

Une nouvelle gouvernance, une vision à 2020 — être reconnue comme tête de réseau de la vie associative du Pays d’Aix, interlocutrice privilégiée des autres parties prenantes du territoire — et un contexte favorable, national comme local, ont permis d’engager 2017 comme une année d’amorçage. Ce bilan en rend compte, chiffres à l’appui.`,
  conclusion: `2017 a posé les fondations\u202f: un premier groupement « Culture & Art » qui a appris à agir ensemble au fil de six ateliers, deux autres territoires pilotes choisis, un comité de pilotage qui s’est réuni trois fois, un budget prévisionnel 2018-2020 et des contacts noués avec les collectivités, les réseaux d’entreprises, les écoles et universités et les financeurs.

2018 sera l’année de la consolidation\u202f: les premiers partenariats à Pertuis et à Venelles, le comité de pilotage élargi, et les dossiers de financement qui permettront de tenir le rythme sur les trois territoires. « Être entrepreneur, c’est innover avec les autres et pour les autres. »`,
  openQuestions: `- Structure, fonctionnement et financement\u202f: poursuivre l’expérimentation au sein de Pays d’Aix Associations avec un service dédié, créer une association autonome, un fonds de dotation ou une société coopérative d’intérêt collectif\u202f?
- Renforcer l’équipe pilote d’acteurs engagés, avec les collectivités, les têtes de réseaux d’associations et d’entreprises, l’enseignement supérieur, les médias et les institutions.
- Organiser le groupement de consultants et d’animateurs\u202f: protocoles de diagnostic et d’accompagnement des partenariats, outils d’évaluation, pool de bénévoles en soutien.
- Planning de l’expérimentation sur les trois territoires et essaimage\u202f: des actions simultanées, avec quelles ressources humaines et financières\u202f? Comment transmettre et valoriser les résultats du groupe expérimental\u202f?`,
};

export async function loadDemoReviews(db: Db, ctx: DemoContext): Promise<string> {
  const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.name, programmeName));
  if (!programme) return '';
  await updateReviewTexts(db, ctx.system, programme.id, 2017, demoReview2017);
  await setReviewPublication(db, ctx.system, programme.id, 2017, true);
  return 'the published 2017 annual review';
}
