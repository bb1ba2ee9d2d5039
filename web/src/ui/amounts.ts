// Amounts typed in forms (euros, hours): one way to read them and to show them back, in every feature.

/** `1 250,50`, `1250.50 €` → 1250.5; '' → null; anything else → NaN (which the zod schemas refuse on the field). */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return Number.NaN;
  return Number(compact.replace(',', '.'));
}

/** A stored amount as a form field shows it (a decimal comma in French); null gives ''. */
export const amountText = (value: number | null, locale: 'fr' | 'en') =>
  value === null ? '' : locale === 'fr' ? String(value).replace('.', ',') : String(value);
