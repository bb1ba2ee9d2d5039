import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import { getReference, type ReferenceData } from '../../../src/modules/reference/contract';
import type { ActorFamily, StakeholderDirection } from '../../../src/modules/reference/families';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';

type Sdg = ReferenceData['sdgs'][number];
type Item = ReferenceData['stakeholderItems'][number];

interface Reference {
  data: ReferenceData | undefined;
  failed: boolean;
  themeLabel(id: string): string;
  sdg(n: number): Sdg | undefined;
  sdgLabel(n: number): string;
  item(id: string): Item | undefined;
  itemLabel(id: string): string;
  items(family: ActorFamily, direction: StakeholderDirection): Item[];
  /** Commune names known so far: the territories' communes, plus any seen in API answers (rememberCommune). */
  communeName(code: string): string | undefined;
  rememberCommune(code: string, name: string | null | undefined): void;
}

const Context = createContext<Reference | null>(null);

/** Loads the reference data once (themes, SDGs, contributions/benefits taxonomy, territories) and labels it. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const { data, error, reload } = useApiQuery(getReference, {});
  // Everything is labelled from this data: when it fails (server starting, network), try again a little later.
  const retries = useRef(0);
  useEffect(() => {
    if (!error || retries.current >= 5) return;
    retries.current += 1;
    const timer = setTimeout(reload, 2000 * retries.current);
    return () => clearTimeout(timer);
  }, [error, reload]);
  const communes = useRef(new Map<string, string>());

  const maps = useMemo(() => {
    const themes = new Map(data?.themes.map((t) => [t.id, t]));
    const sdgs = new Map(data?.sdgs.map((s) => [s.number, s]));
    const items = new Map(data?.stakeholderItems.map((i) => [i.id, i]));
    for (const territory of data?.territories ?? []) {
      for (const c of territory.communes) communes.current.set(c.code, c.name);
    }
    return { themes, sdgs, items };
  }, [data]);

  const rememberCommune = useCallback((code: string, name: string | null | undefined) => {
    if (name) communes.current.set(code, name);
  }, []);

  const value = useMemo<Reference>(() => {
    const label = (x: { labelFr: string; labelEn: string } | undefined, fallback: string) =>
      x ? (locale === 'en' ? x.labelEn : x.labelFr) : fallback;
    return {
      data,
      failed: Boolean(error),
      themeLabel: (id) => label(maps.themes.get(id), id),
      sdg: (n) => maps.sdgs.get(n),
      sdgLabel: (n) => label(maps.sdgs.get(n), String(n)),
      item: (id) => maps.items.get(id),
      itemLabel: (id) => label(maps.items.get(id), id),
      items: (family, direction) =>
        (data?.stakeholderItems ?? []).filter((i) => i.family === family && i.direction === direction),
      communeName: (code) => communes.current.get(code),
      rememberCommune,
    };
  }, [data, error, maps, locale, rememberCommune]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useReference(): Reference {
  const value = useContext(Context);
  if (!value) throw new Error('useReference outside ReferenceProvider');
  return value;
}
