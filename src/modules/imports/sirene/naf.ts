// A short French label for a NAF rév. 2 activity code (`56.10A`), from its two-digit division: the 21 sections A–U
// of the nomenclature, plus the few divisions most associations and social economy companies fall in, where the
// section's label says too little (94 « Autres activités de services » for every association).

/** Sections by their last division: a code belongs to the first section whose last division is at least its own. */
const sections: ReadonlyArray<readonly [lastDivision: number, label: string]> = [
  [3, 'Agriculture, sylviculture et pêche'], // A 01–03
  [9, 'Industries extractives'], // B 05–09
  [33, 'Industrie manufacturière'], // C 10–33
  [35, 'Production et distribution d’électricité, de gaz et de vapeur'], // D 35
  [39, 'Eau, assainissement, gestion des déchets et dépollution'], // E 36–39
  [43, 'Construction'], // F 41–43
  [47, 'Commerce, réparation d’automobiles et de motocycles'], // G 45–47
  [53, 'Transports et entreposage'], // H 49–53
  [56, 'Hébergement et restauration'], // I 55–56
  [63, 'Information et communication'], // J 58–63
  [66, 'Activités financières et d’assurance'], // K 64–66
  [68, 'Activités immobilières'], // L 68
  [75, 'Activités spécialisées, scientifiques et techniques'], // M 69–75
  [82, 'Activités de services administratifs et de soutien'], // N 77–82
  [84, 'Administration publique'], // O 84
  [85, 'Enseignement'], // P 85
  [88, 'Santé humaine et action sociale'], // Q 86–88
  [93, 'Arts, spectacles et activités récréatives'], // R 90–93
  [96, 'Autres activités de services'], // S 94–96
  [98, 'Activités des ménages en tant qu’employeurs'], // T 97–98
  [99, 'Activités extra-territoriales'], // U 99
];

const divisions: Readonly<Record<number, string>> = {
  87: 'Hébergement médico-social et social',
  88: 'Action sociale sans hébergement',
  90: 'Activités créatives, artistiques et de spectacle',
  91: 'Bibliothèques, archives, musées et autres activités culturelles',
  93: 'Activités sportives, récréatives et de loisirs',
  94: 'Activités des organisations associatives',
};

const nafV2Code = /^(\d{2})\.\d{2}[A-Z]$/;

/**
 * « Hébergement et restauration (NAF 56.10A) »; the code alone when it is not a NAF rév. 2 code (older units keep
 * codes of NAF rév. 1, NAF 1993 or NAP, whose divisions mean other things); '' without a code.
 */
export function activityLabel(code: string, nomenclature: string): string {
  const match = nafV2Code.exec(code);
  if (!match || (nomenclature !== '' && nomenclature !== 'NAFv2')) return code;
  const division = Number(match[1]);
  if (division === 0) return code; // 00.00Z: INSEE's « unknown »
  const label = divisions[division] ?? sections.find(([last]) => division <= last)?.[1];
  return label ? `${label} (NAF ${code})` : code;
}
