import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { longDate } from './dates';
import { en } from './en';
import { featureCatalogues } from './features';
import { fr } from './fr';

export type Locale = 'fr' | 'en';
// The core catalogue (fr.ts, en.ts) and each feature's own (its messages.ts), merged once.
const allFr = Object.assign({}, fr, ...featureCatalogues.map((c) => c.fr)) as Record<string, string>;
const allEn = Object.assign({}, en, ...featureCatalogues.map((c) => c.en)) as Record<string, string>;
type KeysOf<C> = C extends { fr: infer F } ? keyof F : never;
export type MessageKey = keyof typeof fr | KeysOf<(typeof featureCatalogues)[number]>;
const catalogues: Record<Locale, Record<string, string>> = { fr: allFr, en: allEn };

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** Translates a key, replacing `{name}` placeholders. Unknown keys (server messages) are shown as they are. */
  t(key: MessageKey | (string & {}), vars?: Record<string, string | number>): string;
  /** Plural form of a key: `key.zero` (when present) for 0, else `key.one` / `key.other`; `{count}` is formatted. */
  tn(key: string, count: number, vars?: Record<string, string | number>): string;
  formatNumber(n: number): string;
  formatEuros(n: number): string;
  formatDate(d: string | Date): string;
  formatDateTime(d: string | Date): string;
}

const Context = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const saved = localStorage.getItem('locale');
  return saved === 'en' || saved === 'fr' ? saved : 'fr';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem('locale', l);
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
    const messages = catalogues[locale];
    const lookup = (key: string) => messages[key] ?? allFr[key];
    const t: I18n['t'] = (key, vars) => {
      const template = lookup(key) ?? key;
      return vars ? template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')) : template;
    };
    const plurals = new Intl.PluralRules(tag);
    const numbers = new Intl.NumberFormat(tag);
    return {
      locale,
      setLocale,
      t,
      tn: (key, count, vars) => {
        const form = count === 0 && lookup(`${key}.zero`) ? 'zero' : plurals.select(count) === 'one' ? 'one' : 'other';
        return t(`${key}.${form}`, { ...vars, count: numbers.format(count) });
      },
      formatNumber: (n) => numbers.format(n),
      formatEuros: (n) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' }).format(n),
      formatDate: (d) => longDate(tag, new Date(d)),
      formatDateTime: (d) =>
        new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d)),
    };
  }, [locale, setLocale]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
