// Set 2, « synthetic »: planted complementary pairs among distractors, generated from a seeded PRNG. Each pair is a
// need (resources, a theme, a commune of the Pays d'Aix, three distinctive words) and exactly one actor whose open
// offer answers it (the same resources, the theme, a commune nearby, the words). Around each pair, hard distractors
// share only part of it; around everything, background actors with random themes, places, needs and offers.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { rowsOf } from '../../src/db/rows.js';
import type { CurrentUser } from '../../src/modules/accounts/service.js';
import { actorInput } from '../../src/modules/actors/contract.js';
import { createActor } from '../../src/modules/actors/service.js';
import { createNeedOffer } from '../../src/modules/needs-offers/service.js';
import { type ResourceType, resourceTypes } from '../../src/modules/needs-offers/vocabulary.js';
import { type PartnershipMode, partnershipModes } from '../../src/modules/partnerships/vocabulary.js';
import type { ActorFamily } from '../../src/modules/reference/families.js';
import type { EvalQuery } from './run.js';

/** mulberry32: a small seeded PRNG, so that the set is the same at every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Concrete nouns that say what a need or an offer is about; each planted pair takes three of its own. */
const nouns = [
  'poterie',
  'céramique',
  'vitrail',
  'menuiserie',
  'apiculture',
  'compost',
  'sérigraphie',
  'reliure',
  'marionnette',
  'chorale',
  'fanfare',
  'graffiti',
  'calligraphie',
  'tapisserie',
  'broderie',
  'maroquinerie',
  'ébénisterie',
  'forge',
  'vannerie',
  'verger',
  'potager',
  'semences',
  'lombricompost',
  'ruche',
  'herbier',
  'planétarium',
  'télescope',
  'robotique',
  'drone',
  'soudure',
  'imprimante',
  'fablab',
  'podcast',
  'webradio',
  'vidéaste',
  'photogrammétrie',
  'cartographie',
  'escalade',
  'kayak',
  'équitation',
  'escrime',
  'échecs',
  'pétanque',
  'aviron',
  'voile',
  'trampoline',
  'yoga',
  'sophrologie',
  'diététique',
  'orthophonie',
  'braille',
  'signes',
  'alphabétisation',
  'ludothèque',
  'bibliobus',
  'conte',
  'slam',
  'cirque',
  'jonglage',
  'acrobatie',
  'mime',
  'opéra',
  'orgue',
  'violon',
  'percussion',
  'accordéon',
  'harpe',
  'luthier',
  'costumes',
  'décors',
  'lumière',
  'sonorisation',
  'régie',
  'chapiteau',
  'buvette',
  'conserverie',
  'fromagerie',
  'boulangerie',
  'brasserie',
  'huilerie',
  'oliveraie',
  'vendanges',
  'lavande',
  'tri',
  'textile',
  'friperie',
  'recyclerie',
  'palettes',
  'vélos',
  'trottinettes',
  'covoiturage',
  'navette',
  'autopartage',
  'photovoltaïque',
  'isolation',
  'chaudière',
  'rénovation',
  'toiture',
  'plomberie',
  'électricité',
  'maçonnerie',
  'jardinage',
  'élagage',
  'débroussaillage',
  'pépinière',
  'aquarium',
  'volière',
  'refuge',
  'chenil',
  'fauconnerie',
  'astronomie',
  'géologie',
  'archéologie',
  'fouilles',
  'archives',
  'généalogie',
  'numismatique',
  'philatélie',
  'maquettisme',
  'modélisme',
  'origami',
  'mosaïque',
  'fresque',
  'sculpture',
  'gravure',
  'lithographie',
  'typographie',
  'enluminure',
  'tricot',
  'crochet',
  'couture',
  'patronage',
  'chaussures',
  'lunettes',
  'prothèses',
  'fauteuils',
  'déambulateurs',
  'tablettes',
  'ordinateurs',
  'serveur',
  'cybersécurité',
] as const;

/** The themes of the reference data (assets/reference/themes.json), in their order. */
const themesList = (
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../assets/reference/themes.json'), 'utf8')) as {
    id: string;
  }[]
).map((t) => t.id);

/** How a need and an offer say each resource in French. */
const resourceWords: Record<ResourceType, { need: string; offer: string }> = {
  money: { need: 'un financement', offer: 'un mécénat financier' },
  skills: { need: 'des compétences', offer: 'du mécénat de compétences' },
  volunteers: { need: 'des bénévoles', offer: 'des bénévoles disponibles' },
  premises: { need: 'un local', offer: 'un local à prêter' },
  equipment: { need: 'du matériel', offer: 'du matériel à prêter' },
  network: { need: 'des mises en relation', offer: 'notre réseau de contacts' },
  visibility: { need: 'de la visibilité', offer: 'de la visibilité dans nos médias' },
  expertise: { need: 'une expertise', offer: 'notre expertise' },
  purchasing: { need: 'des débouchés commerciaux', offer: 'des achats responsables' },
};

/** Far from the Pays d'Aix (over 250 km): Lyon, Toulouse, Bordeaux, Paris, Lille, Nantes, Strasbourg, Rennes. */
const farCommunes = ['69123', '31555', '33063', '75056', '59350', '44109', '67482', '35238'];
/** Elsewhere in the region: Marseille, Toulon, Avignon, Nice, Arles, Manosque, Draguignan, Gap. */
const regionCommunes = ['13055', '83137', '84007', '06088', '13004', '04112', '83050', '05061'];

interface Place {
  code: string;
  lat: number;
  lon: number;
}

const kmBetween = (a: Place, b: Place) => {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

export interface SyntheticOptions {
  seed: number;
  pairs: number;
  background: number;
}

export interface SyntheticSet {
  queries: EvalQuery[];
  actors: number;
  needs: number;
  offers: number;
  hardDistractors: number;
  background: number;
}

interface ActorSpec {
  family: ActorFamily;
  name: string;
  communeCode: string;
  themes: string[];
  contributions: string[];
  benefits: string[];
  description: string;
}

interface ItemSpec {
  kind: 'need' | 'offer';
  title: string;
  description: string;
  resources: ResourceType[];
  themes: string[];
  communeCodes: string[];
  modes: PartnershipMode[];
}

/** Builds the set in the database through the services (the match_profiles / match_terms triggers follow). */
export async function loadSyntheticSet(
  database: Database,
  system: CurrentUser,
  opts: SyntheticOptions,
): Promise<SyntheticSet> {
  const { db } = database;
  const random = prng(opts.seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(int(copy.length), 1)[0] as T);
    return out;
  };

  const stakeholder = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../assets/reference/stakeholder-items.json'), 'utf8'),
  ) as Record<string, { contribution: [string][]; benefit: [string][] } | string>;
  const items = (family: ActorFamily, direction: 'contribution' | 'benefit') => {
    const entry = stakeholder[family];
    return typeof entry === 'string' || !entry
      ? []
      : entry[direction].map(([slug]) => `${family}.${direction}.${slug}`);
  };
  const places = await rowsOf<{ code: string; lat: number; lon: number; pays: boolean }>(
    db,
    sql`SELECT c.code, c.latitude AS lat, c.longitude AS lon,
        EXISTS (SELECT 1 FROM territory_communes t WHERE t.commune_code = c.code AND t.territory_id = 'pays-d-aix') AS pays
      FROM communes c
      WHERE c.latitude IS NOT NULL AND (c.code = ANY(${`{${[...farCommunes, ...regionCommunes].join(',')}}`}::text[])
        OR c.code IN (SELECT commune_code FROM territory_communes WHERE territory_id = 'pays-d-aix'))
      ORDER BY c.code`,
  );
  const paysDAix: Place[] = places.filter((p) => p.pays).map((p) => ({ ...p, lat: +p.lat, lon: +p.lon }));
  const far = places.filter((p) => farCommunes.includes(p.code)).map((p) => p.code);
  const region = places.filter((p) => regionCommunes.includes(p.code)).map((p) => p.code);
  if (paysDAix.length < 10 || far.length < 4) throw new Error('reference communes missing');
  const near = (from: Place, maxKm: number) =>
    paysDAix.filter((p) => p.code !== from.code && kmBetween(from, p) <= maxKm).map((p) => p.code);

  let actorCount = 0;
  let needCount = 0;
  let offerCount = 0;
  const addActor = async (spec: Omit<ActorSpec, 'contributions' | 'benefits' | 'description'> & Partial<ActorSpec>) => {
    actorCount += 1;
    const contributions = spec.contributions ?? sample(items(spec.family, 'contribution'), 1 + int(2));
    const benefits = spec.benefits ?? sample(items(spec.family, 'benefit'), 1 + int(2));
    const input = {
      ...spec,
      contributions,
      benefits,
      description: spec.description ?? 'Acteur du territoire engagé dans des projets d’intérêt général.',
      sdgs: [],
    };
    return createActor(db, system, actorInput.parse(input));
  };
  const addItem = async (actorId: string, spec: ItemSpec) => {
    if (spec.kind === 'need') needCount += 1;
    else offerCount += 1;
    return createNeedOffer(db, system, { ...spec, actorId, deadline: null });
  };
  const needText = (resources: ResourceType[], words: string[]) => ({
    title: `Recherche ${resources.map((r) => resourceWords[r].need).join(' et ')} : ${words[0]}`,
    description: `Pour notre projet autour de ${words.join(', ')}, nous cherchons ${resources
      .map((r) => resourceWords[r].need)
      .join(' et ')}.`,
  });
  const offerText = (resources: ResourceType[], words: string[]) => ({
    title: `Nous proposons ${resources.map((r) => resourceWords[r].offer).join(' et ')}`,
    description: `Pour des projets de ${words.join(', ')} : ${resources.map((r) => resourceWords[r].offer).join(', ')}.`,
  });
  const otherResources = (not: ResourceType[]) => resourceTypes.filter((r) => !not.includes(r));
  const otherTheme = (not: string) => pick(themesList.filter((t) => t !== not));
  const givers: ActorFamily[] = ['company', 'company', 'publicAuthority', 'academia', 'association', 'media'];

  const wordPool = sample(nouns, nouns.length);
  const queries: EvalQuery[] = [];
  let hard = 0;
  for (let i = 0; i < opts.pairs; i++) {
    const n = String(i + 1).padStart(2, '0');
    const home = pick(paysDAix);
    const theme = pick(themesList);
    const resources = sample(resourceTypes, 1 + int(2)) as ResourceType[];
    const words = [wordPool[(3 * i) % wordPool.length], wordPool[(3 * i + 1) % wordPool.length]];
    words.push(wordPool[(3 * i + 2) % wordPool.length]);
    const w = words as string[];
    const mode = pick(partnershipModes);
    const nearby = near(home, 15);
    const partnerCommune = random() < 0.3 || !nearby.length ? home.code : pick(nearby);
    const somewhereNear = () => (nearby.length ? pick(nearby) : home.code);

    // The need (the query's subject), carried by an association.
    const seeker = await addActor({
      family: 'association',
      name: `Association ${n}`,
      communeCode: home.code,
      themes: [theme],
    });
    const needId = await addItem(seeker, {
      kind: 'need',
      ...needText(resources, w),
      resources,
      themes: [theme],
      communeCodes: [home.code],
      modes: [mode],
    });
    // The planted partner: its open offer answers the need.
    const partnerFamily = pick(givers);
    const partnerName = `Partenaire ${n}`;
    const partner = await addActor({
      family: partnerFamily,
      name: partnerName,
      communeCode: partnerCommune,
      themes: [theme, otherTheme(theme)],
    });
    await addItem(partner, {
      kind: 'offer',
      ...offerText(resources, sample(w, 2 + int(2))),
      resources,
      themes: [theme],
      communeCodes: [partnerCommune],
      modes: [mode],
    });
    queries.push({ id: `pair-${n}`, kind: 'need', subjectId: needId, relevant: new Map([[partner, partnerName]]) });

    // Hard distractors, each sharing only part of the answer.
    // a) The same theme in the same commune, a giving family, but no offer (only what its contributions imply).
    await addActor({
      family: 'company',
      name: `Voisin ${n}`,
      communeCode: home.code,
      themes: [theme],
      contributions: items('company', 'contribution'),
    });
    // b) The same resources, theme and words offered, but far away.
    const farAway = await addActor({
      family: partnerFamily,
      name: `Lointain ${n}`,
      communeCode: pick(far),
      themes: [theme],
    });
    await addItem(farAway, {
      kind: 'offer',
      ...offerText(resources, sample(w, 2)),
      resources,
      themes: [theme],
      communeCodes: [],
      modes: [mode],
    });
    // c) The same resources offered nearby, another theme, no shared words.
    const offTopic = await addActor({
      family: 'company',
      name: `Hors-sujet ${n}`,
      communeCode: somewhereNear(),
      themes: [otherTheme(theme)],
    });
    await addItem(offTopic, {
      kind: 'offer',
      ...offerText(resources, sample(wordPool.slice(3 * opts.pairs), 3)),
      resources,
      themes: [otherTheme(theme)],
      communeCodes: [],
      modes: [pick(partnershipModes)],
    });
    // d) The same theme and words nearby, but another resource offered.
    const wrongResource = otherResources(resources);
    const wordy = await addActor({
      family: 'company',
      name: `Bavard ${n}`,
      communeCode: somewhereNear(),
      themes: [theme],
    });
    await addItem(wordy, {
      kind: 'offer',
      ...offerText([pick(wrongResource)], w),
      resources: [pick(wrongResource)],
      themes: [theme],
      communeCodes: [],
      modes: [mode],
    });
    // e) A competitor nearby seeking the same thing.
    const rival = await addActor({
      family: 'association',
      name: `Rival ${n}`,
      communeCode: somewhereNear(),
      themes: [theme],
    });
    await addItem(rival, {
      kind: 'need',
      ...needText(resources, w),
      resources,
      themes: [theme],
      communeCodes: [],
      modes: [mode],
    });
    hard += 5;
  }

  // Background: families as in the directory, most in the Pays d'Aix, a third with an open offer or need.
  const families: ActorFamily[] = [
    ...Array<ActorFamily>(11).fill('association'),
    ...Array<ActorFamily>(5).fill('company'),
    'publicAuthority',
    'academia',
    'citizen',
    'media',
  ];
  const backgroundWords = wordPool.slice(3 * opts.pairs);
  for (let i = 0; i < opts.background; i++) {
    const family = pick(families);
    const roll = random();
    const commune = roll < 0.6 ? pick(paysDAix).code : roll < 0.85 ? pick(region) : pick(far);
    const themes = sample(themesList, 1 + int(3));
    const id = await addActor({
      family,
      name: `Acteur ${String(i + 1).padStart(4, '0')}`,
      communeCode: commune,
      themes,
    });
    const item = random();
    if (item < 0.35) {
      const kind = item < 0.2 ? 'offer' : 'need';
      const resources = sample(resourceTypes, 1 + int(2)) as ResourceType[];
      // Mostly words of their own; now and then a word of a planted pair (real directories overlap).
      const words = sample(random() < 0.15 ? wordPool : backgroundWords, 3);
      await addItem(id, {
        kind,
        ...(kind === 'offer' ? offerText(resources, words) : needText(resources, words)),
        resources,
        themes: sample(themes, 1),
        communeCodes: [],
        modes: sample(partnershipModes, 1),
      });
    }
  }
  return {
    queries,
    actors: actorCount,
    needs: needCount,
    offers: offerCount,
    hardDistractors: hard,
    background: opts.background,
  };
}
