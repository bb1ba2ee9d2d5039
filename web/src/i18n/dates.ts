/** « 1er décembre 2018 »: French writes the first day of a month as an ordinal, which Intl does not. */
export function longDate(tag: string, date: Date): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: 'long' })
    .formatToParts(date)
    .map((p) => (p.type === 'day' && p.value === '1' && tag.startsWith('fr') ? '1er' : p.value))
    .join('');
}
