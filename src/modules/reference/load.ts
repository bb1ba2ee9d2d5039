import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actorFamilies, type StakeholderDirection, stakeholderDirections } from './families.js';
import { communes, sdgs, stakeholderItems, territories, territoryCommunes, themes } from './schema.js';

const assets = path.resolve(import.meta.dirname, '../../../assets/reference');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(assets, file), 'utf8')) as T;
const readCsv = (file: string): Record<string, string>[] =>
  parse(fs.readFileSync(path.join(assets, file)), { columns: true, skip_empty_lines: true });

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}

interface ThemeFile {
  id: string;
  fr: string;
  en: string;
  aliases?: string[];
}

/** The communes of France from @etalab/decoupage-administratif, placed at the La Poste centroids. */
function communeRows() {
  const require = createRequire(import.meta.url);
  const all = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
  const positions = new Map(readCsv('commune-centroids.csv').map((r) => [r.code_insee, r]));
  return all
    .filter((c) => c.type === 'commune-actuelle')
    .map((c) => {
      const p = positions.get(c.code);
      return {
        code: c.code,
        name: c.nom,
        departement: c.departement ?? null,
        postal_codes: c.codesPostaux ?? [],
        population: c.population ?? null,
        latitude: p ? Number(p.latitude) : null,
        longitude: p ? Number(p.longitude) : null,
      };
    });
}

/**
 * Loads or refreshes the reference data. Communes load once (35 000 rows); the small taxonomies are upserted on
 * every start so that editing their JSON files takes effect. Returns a summary, or '' when nothing was loaded.
 */
export async function loadReferenceData(db: Db): Promise<string> {
  const done: string[] = [];
  await db.transaction(async (tx) => {
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(communes)) as [{ n: number }];
    if (n === 0) {
      const rows = communeRows();
      // One statement with the rows as a JSON parameter: much faster than many multi-row INSERTs on PGlite.
      await tx.execute(sql`insert into communes (code, name, departement, postal_codes, population, latitude, longitude)
        select code, name, departement, postal_codes, population, latitude, longitude
        from json_to_recordset(${JSON.stringify(rows)}::json) as r(code text, name text, departement text,
          postal_codes text[], population integer, latitude double precision, longitude double precision)`);
      done.push(`${rows.length} communes`);
    }
    const themeFile = readJson<ThemeFile[]>('themes.json');
    const themeRows = themeFile.map((t, i) => ({ id: t.id, labelFr: t.fr, labelEn: t.en, position: i + 1 }));
    await tx
      .insert(themes)
      .values(themeRows)
      .onConflictDoUpdate({
        target: themes.id,
        set: { labelFr: sql`excluded.label_fr`, labelEn: sql`excluded.label_en`, position: sql`excluded.position` },
      });
    const sdgRows = readJson<{ number: number; fr: string; en: string; color: string }[]>('sdgs.json').map((s) => ({
      number: s.number,
      labelFr: s.fr,
      labelEn: s.en,
      color: s.color,
    }));
    await tx
      .insert(sdgs)
      .values(sdgRows)
      .onConflictDoUpdate({
        target: sdgs.number,
        set: { labelFr: sql`excluded.label_fr`, labelEn: sql`excluded.label_en`, color: sql`excluded.color` },
      });
    const items =
      readJson<Record<string, Record<StakeholderDirection, [string, string, string][]>>>('stakeholder-items.json');
    const itemRows = actorFamilies.flatMap((family) =>
      stakeholderDirections.flatMap((direction) =>
        (items[family]?.[direction] ?? []).map(([slug, fr, en], i) => ({
          id: `${family}.${direction}.${slug}`,
          family,
          direction,
          labelFr: fr,
          labelEn: en,
          position: i + 1,
        })),
      ),
    );
    await tx
      .insert(stakeholderItems)
      .values(itemRows)
      .onConflictDoUpdate({
        target: stakeholderItems.id,
        set: { labelFr: sql`excluded.label_fr`, labelEn: sql`excluded.label_en`, position: sql`excluded.position` },
      });
    const [{ t }] = (await tx.select({ t: sql<number>`count(*)::int` }).from(territories)) as [{ t: number }];
    if (t === 0) {
      const themeByAlias = new Map(themeFile.flatMap((th) => (th.aliases ?? []).map((a) => [a, th.id] as const)));
      await tx.insert(territories).values({
        id: 'pays-d-aix',
        name: "Pays d'Aix",
        description: "Territoire du Pays d'Aix : 36 communes, périmètre de Pays d'Aix Associations.",
      });
      const members = readCsv('pays-d-aix-communes.csv').map((r) => ({
        territoryId: 'pays-d-aix',
        communeCode: r.code_insee as string,
        pilotThemeId: (r.pilot_theme && themeByAlias.get(r.pilot_theme)) || null,
      }));
      await tx.insert(territoryCommunes).values(members);
      done.push(`territory Pays d'Aix (${members.length} communes)`);
    }
  });
  return done.join(', ');
}
