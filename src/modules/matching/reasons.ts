// The reasons of a suggestion in plain words (« propose des locaux dont vous avez besoin · vous travaillez tous deux
// sur Culture & art · à 4 km »), written from the scored candidate's details. French first, English second.
import type { ActorFamily } from '../reference/families.js';
import type { ScoredCandidate } from './score.js';
import type { ScoreComponent } from './vocabulary.js';
import { tunables } from './weights.js';

export type Locale = 'fr' | 'en';

export interface ReasonContext {
  locale: Locale;
  /** Theme id → label in the locale. */
  themeLabel: (id: string) => string;
  /** The candidate's commune name, for « in the same commune ». */
  communeName: string | null;
  /** The title of the candidate's open offer (or need) that answers the subject best, when there is one. */
  itemTitle: string | null;
  /** When the reasons are written (« recently active »). */
  now: Date;
  /**
   * Whether the subject seeks (a need, a project, an actor) rather than offers (an offer): which way shared words are
   * said, « ses activités rejoignent votre besoin » or « ses besoins rejoignent votre offre ». Seeks by default.
   */
  seeks?: boolean;
}

const resourceWords: Record<Locale, Record<string, string>> = {
  fr: {
    money: 'un financement',
    skills: 'des compétences',
    volunteers: 'des bénévoles',
    premises: 'des locaux',
    equipment: 'du matériel',
    network: 'un réseau',
    visibility: 'de la visibilité',
    expertise: 'une expertise',
    purchasing: 'des achats',
  },
  en: {
    money: 'funding',
    skills: 'skills',
    volunteers: 'volunteers',
    premises: 'premises',
    equipment: 'equipment',
    network: 'a network',
    visibility: 'visibility',
    expertise: 'expertise',
    purchasing: 'purchasing',
  },
};

const modeWords: Record<Locale, Record<string, string>> = {
  fr: {
    support: '« Soutien »',
    responsiblePractices: '« Pratiques responsables »',
    economicCooperation: '« Coopération économique »',
    societalInnovation: '« Innovation sociétale »',
  },
  en: {
    support: '“Support”',
    responsiblePractices: '“Responsible practices”',
    economicCooperation: '“Economic cooperation”',
    societalInnovation: '“Societal innovation”',
  },
};

/** What one expects of each family (Le Rameau), as said in a reason. */
const expectationWords: Record<Locale, Record<ActorFamily | 'peer', string>> = {
  fr: {
    peer: 'un pair au périmètre d’action complémentaire',
    publicAuthority: 'un acteur public : appui politique et moyens structurels',
    company: 'une entreprise : moyens d’expérimenter et implication',
    association: 'une association : expertise de terrain et animation',
    academia: 'un établissement d’enseignement : caution académique et jeunes',
    citizen: 'des citoyens : idées et engagement',
    media: 'un média : repérer et faire connaître les projets',
  },
  en: {
    peer: 'a peer with a complementary scope',
    publicAuthority: 'a public actor: political support and structural means',
    company: 'a company: means to experiment and involvement',
    association: 'an association: field expertise and animation',
    academia: 'an academic institution: academic backing and students',
    citizen: 'citizens: ideas and commitment',
    media: 'a media: spotting and showcasing projects',
  },
};

/** « a, b et c » / « a, b and c ». */
export function listWords(words: string[], locale: Locale): string {
  if (words.length <= 1) return words[0] ?? '';
  const and = locale === 'fr' ? ' et ' : ' and ';
  return `${words.slice(0, -1).join(', ')}${and}${words[words.length - 1]}`;
}

/** Resources as a reason says them: « des locaux et un financement ». */
export const resources = (list: string[], locale: Locale) =>
  listWords(
    list.map((r) => resourceWords[locale][r] ?? r),
    locale,
  );

/** A distance as a reason says it: « à moins d’1 km », « à 4 km », « à 23 km ». */
export function distanceWords(km: number, locale: Locale): string {
  if (km < 1) return locale === 'fr' ? 'à moins d’1 km' : 'less than 1 km away';
  const n = Math.round(km);
  return locale === 'fr' ? `à ${n} km` : `${n} km away`;
}

/** Only components with something to say give a reason; the strongest come first. */
export function reasonsFor(
  c: ScoredCandidate,
  subjectFamily: ActorFamily | null,
  ctx: ReasonContext,
): { kind: ScoreComponent; text: string }[] {
  const fr = ctx.locale === 'fr';
  const out: { kind: ScoreComponent; text: string; weight: number }[] = [];
  const quoted = ctx.itemTitle ? (fr ? ` (« ${ctx.itemTitle} »)` : ` (“${ctx.itemTitle}”)`) : '';
  if (c.givesOffered.length) {
    const what = resources(c.givesOffered, ctx.locale);
    out.push({
      kind: 'complementarity',
      text: fr ? `propose ${what} dont vous avez besoin${quoted}` : `offers ${what} you need${quoted}`,
      weight: c.complementarity + 1,
    });
  } else if (c.seeksDeclared.length) {
    const what = resources(c.seeksDeclared, ctx.locale);
    out.push({
      kind: 'complementarity',
      text: fr ? `cherche ${what} que vous proposez${quoted}` : `seeks ${what} you offer${quoted}`,
      weight: c.complementarity + 1,
    });
  } else if (c.givesImplied.length) {
    const what = resources(c.givesImplied, ctx.locale);
    out.push({
      kind: 'complementarity',
      text: fr ? `peut apporter ${what} dont vous avez besoin` : `can bring ${what} you need`,
      weight: c.complementarity + 0.5,
    });
  } else if (c.seeksImplied.length) {
    const what = resources(c.seeksImplied, ctx.locale);
    out.push({
      kind: 'complementarity',
      text: fr ? `recherche ${what}, que vous pouvez apporter` : `looks for ${what}, which you can bring`,
      weight: c.complementarity + 0.5,
    });
  }
  // Shared words are stems (« repetit »): said as such they read badly, so the reason names the item instead.
  if (c.sharedWords.length >= 2 && out.length === 0) {
    const forward = ctx.seeks ?? true;
    out.push({
      kind: 'complementarity',
      text: fr
        ? `${forward ? 'ses activités rejoignent votre besoin' : 'ses besoins rejoignent votre offre'}${quoted}`
        : `${forward ? 'its activities match your need' : 'its needs match your offer'}${quoted}`,
      weight: c.complementarity,
    });
  }
  if (c.sharedThemes.length) {
    const themes = listWords(c.sharedThemes.map(ctx.themeLabel), ctx.locale);
    out.push({
      kind: 'affinity',
      text: fr ? `vous travaillez tous deux sur ${themes}` : `you both work on ${themes}`,
      weight: c.affinity,
    });
  } else if (c.sharedSdgs.length) {
    const sdgs = listWords(c.sharedSdgs.map(String), ctx.locale);
    out.push({
      kind: 'affinity',
      text: fr ? `mêmes objectifs de développement durable (ODD ${sdgs})` : `same SDGs (${sdgs})`,
      weight: c.affinity,
    });
  }
  if (c.sameCommune && ctx.communeName) {
    out.push({
      kind: 'territory',
      text: fr ? `dans la même commune (${ctx.communeName})` : `in the same commune (${ctx.communeName})`,
      weight: c.territory,
    });
  } else if (c.km !== null && c.km < tunables.radiusKm) {
    out.push({ kind: 'territory', text: distanceWords(c.km, ctx.locale), weight: c.territory });
  } else if (c.sameTerritory) {
    out.push({
      kind: 'territory',
      text: fr ? 'dans le même territoire' : 'in the same territory',
      weight: c.territory,
    });
  }
  if (c.familyExpected) {
    const key = c.family === subjectFamily ? 'peer' : c.family;
    out.push({ kind: 'fit', text: expectationWords[ctx.locale][key], weight: c.fit });
  } else if (c.sharedModes.length) {
    const modes = listWords(
      c.sharedModes.map((m) => modeWords[ctx.locale][m] ?? m),
      ctx.locale,
    );
    const plural = c.sharedModes.length > 1;
    out.push({
      kind: 'fit',
      text: fr
        ? `accepte comme vous ${plural ? 'les modes' : 'le mode'} ${modes}`
        : `accepts like you the ${plural ? 'modes' : 'mode'} ${modes}`,
      weight: c.fit,
    });
  }
  const ageDays = (ctx.now.getTime() - Date.parse(c.freshAt)) / 86_400_000;
  if (c.openItems > 0 && ageDays <= 60) {
    const n = c.openItems;
    out.push({
      kind: 'freshness',
      text: fr
        ? `actif récemment (${n} besoin${n > 1 ? 's' : ''} ou offre${n > 1 ? 's' : ''} ouvert${n > 1 ? 's' : ''})`
        : `recently active (${n} open need${n > 1 ? 's' : ''} or offer${n > 1 ? 's' : ''})`,
      weight: c.freshness * 0.5,
    });
  }
  return out.sort((a, b) => b.weight - a.weight).map(({ kind, text }) => ({ kind, text }));
}
