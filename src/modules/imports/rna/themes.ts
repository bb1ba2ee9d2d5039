// The RNA's objet social codes (six digits, hierarchical: 006xxx culture, 017xxx health…) to the platform's themes,
// through assets/reference/rna-objet-social.json: the longest listed prefix of a code gives its themes.
import fs from 'node:fs';
import path from 'node:path';

export interface ObjetSocialMapping {
  source: string;
  rule: string;
  prefixes: Record<string, { label: string; themes: string[] }>;
}

export const objetSocialFile = path.resolve(import.meta.dirname, '../../../../assets/reference/rna-objet-social.json');

export const readObjetSocialMapping = (): ObjetSocialMapping =>
  JSON.parse(fs.readFileSync(objetSocialFile, 'utf8')) as ObjetSocialMapping;

/** Builds the lookup once; each valid code seen is memoised (the nomenclature has a few hundred). Others: none. */
export function objetSocialThemes(mapping: ObjetSocialMapping = readObjetSocialMapping()): (code: string) => string[] {
  const prefixes = new Map(Object.entries(mapping.prefixes).map(([prefix, entry]) => [prefix, entry.themes]));
  const memo = new Map<string, string[]>();
  const lookUp = (code: string): string[] => {
    for (let length = code.length; length >= 1; length--) {
      const found = prefixes.get(code.slice(0, length));
      if (found) return found;
    }
    return [];
  };
  return (code) => {
    if (!/^\d{6}$/.test(code)) return [];
    let themes = memo.get(code);
    if (themes === undefined) {
      themes = lookUp(code);
      memo.set(code, themes);
    }
    return themes;
  };
}
