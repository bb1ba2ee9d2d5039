import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CommuneView, ReferenceData } from './contract.js';
import { communes, sdgs, stakeholderItems, territories, territoryCommunes, themes } from './schema.js';

/** Themes, SDGs, the stakeholder taxonomy and the territories with their communes, in display order. */
export async function getReferenceData(db: Db): Promise<ReferenceData> {
  const [themeRows, sdgRows, itemRows, territoryRows, memberRows] = await Promise.all([
    db
      .select({ id: themes.id, labelFr: themes.labelFr, labelEn: themes.labelEn })
      .from(themes)
      .orderBy(asc(themes.position), asc(themes.id)),
    db
      .select({ number: sdgs.number, color: sdgs.color, labelFr: sdgs.labelFr, labelEn: sdgs.labelEn })
      .from(sdgs)
      .orderBy(asc(sdgs.number)),
    db
      .select({
        id: stakeholderItems.id,
        family: stakeholderItems.family,
        direction: stakeholderItems.direction,
        labelFr: stakeholderItems.labelFr,
        labelEn: stakeholderItems.labelEn,
      })
      .from(stakeholderItems)
      .orderBy(asc(stakeholderItems.family), asc(stakeholderItems.direction), asc(stakeholderItems.position)),
    db.select().from(territories).orderBy(asc(territories.name)),
    db
      .select({
        territoryId: territoryCommunes.territoryId,
        pilotThemeId: territoryCommunes.pilotThemeId,
        code: communes.code,
        name: communes.name,
        postalCodes: communes.postalCodes,
        latitude: communes.latitude,
        longitude: communes.longitude,
      })
      .from(territoryCommunes)
      .innerJoin(communes, eq(communes.code, territoryCommunes.communeCode))
      .orderBy(sql`immutable_unaccent(lower(${communes.name}))`, asc(communes.code)),
  ]);
  return {
    themes: themeRows,
    sdgs: sdgRows,
    stakeholderItems: itemRows,
    territories: territoryRows.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      communes: memberRows.filter((m) => m.territoryId === t.id).map(({ territoryId: _, ...commune }) => commune),
    })),
  };
}

interface CommuneRow extends Record<string, unknown> {
  code: string;
  name: string;
  postal_codes: string[];
  latitude: number | null;
  longitude: number | null;
}

/**
 * Communes matching what a person types: an INSEE code or a postal code (whole or its beginning), or a name, accent-,
 * case- and typo-tolerant through the trigram index on immutable_unaccent(lower(name)) (`<%` is word similarity, so
 * "aix" finds "Aix-en-Provence" and "venel" finds "Venelles"). Ranking: exact code, exact name, name prefix, word
 * similarity; a commune of a territory of the platform (Pays d'Aix) gains one step (its prefix match ranks with
 * another commune's exact match), then the most populated first.
 */
export async function searchCommunes(db: Db, q: string, limit = 10): Promise<CommuneView[]> {
  const text = q.trim();
  if (!text) return [];
  const digits = text.replace(/\s/g, '');
  const isCode = /^[0-9][0-9AB][0-9]{0,3}$/i.test(digits);
  const key = sql`immutable_unaccent(lower(${text}))`;
  const nameKey = sql`immutable_unaccent(lower(c.name))`;
  const prefix = `${escapeLike(text.toLowerCase())}%`;
  const boost = sql`(exists (select 1 from territory_communes tc where tc.commune_code = c.code))`;
  const where = isCode
    ? sql`c.code = ${digits.toUpperCase()} or exists (select 1 from unnest(c.postal_codes) p where p like ${`${digits}%`})`
    : sql`${key} <% ${nameKey} or ${nameKey} like immutable_unaccent(${prefix})`;
  const score = isCode
    ? sql`case when c.code = ${digits.toUpperCase()} then 3 when ${digits} = any(c.postal_codes) then 2 else 1 end`
    : sql`case when ${nameKey} = ${key} then 3 when ${nameKey} like immutable_unaccent(${prefix}) then 2 else 0 end
          + word_similarity(${key}, ${nameKey})`;
  const result = (await db.execute(sql`
    select c.code, c.name, c.postal_codes, c.latitude, c.longitude
    from communes c
    where ${where}
    order by ${score} + case when ${boost} then 1 else 0 end desc, c.population desc nulls last, c.code
    limit ${limit}`)) as unknown as { rows: CommuneRow[] };
  return result.rows.map((r) => ({
    code: r.code,
    name: r.name,
    postalCodes: r.postal_codes,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
  }));
}

/** Escapes LIKE's wildcards in user input. */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
