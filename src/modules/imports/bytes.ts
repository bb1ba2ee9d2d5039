// File sizes as people read them, shared by the command line's progress line and the admin web pages: binary
// multiples (a register's size as the system reports it) with the usual French units (ko, Mo, Go) or English ones.
const units = { fr: ['o', 'ko', 'Mo', 'Go', 'To'], en: ['B', 'kB', 'MB', 'GB', 'TB'] } as const;
const decimal = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

export function formatBytes(n: number, locale: 'fr' | 'en' = 'fr'): string {
  const names = units[locale];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < names.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${decimal[locale].format(value)}\u00a0${names[unit]}`;
}
