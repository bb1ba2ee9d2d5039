import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../web/src/i18n/en.js';
import { featureCatalogues } from '../web/src/i18n/features.js';
import { fr } from '../web/src/i18n/fr.js';

const frKeys = new Set([...Object.keys(fr), ...featureCatalogues.flatMap((c) => Object.keys(c.fr))]);
const enKeys = new Set([...Object.keys(en), ...featureCatalogues.flatMap((c) => Object.keys(c.en))]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Keys the web app asks for literally (`t('a.b')`, `tn('a.b', n)`) and key prefixes it builds (`t(\`mode.${m}\`)`). */
function usedKeys() {
  const literal = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of sources(path.resolve(import.meta.dirname, '../web/src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) literal.set(m[1] ?? '', file);
    for (const m of text.matchAll(/\btn\(\s*'([a-zA-Z][\w.]*)'/g)) prefixes.set(`${m[1]}.`, file);
    for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z][\w.]*\.)\$\{/g)) prefixes.set(m[1] ?? '', file);
  }
  return { literal, prefixes };
}

describe('message catalogues', () => {
  const { literal, prefixes } = usedKeys();

  it('has a French and an English text for every key the web app uses literally', () => {
    const missing = [...literal].filter(([k]) => !frKeys.has(k) || !enKeys.has(k)).map(([k, f]) => `${k} (${f})`);
    expect(missing).toEqual([]);
  });

  it('has keys under every prefix the web app composes', () => {
    const missing = [...prefixes]
      .filter(([p]) => ![...frKeys].some((k) => k.startsWith(p)))
      .map(([p, f]) => `${p}* (${f})`);
    expect(missing).toEqual([]);
  });

  it('translates every French key into English', () => {
    expect([...frKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('defines each key once across the core and the features', () => {
    const all = [Object.keys(fr), ...featureCatalogues.map((c) => Object.keys(c.fr))].flat();
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
  });
});
