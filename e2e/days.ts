// Days as the server counts them: in Paris (src/modules/programmes/common.ts parisDay). From 22:00 or 23:00 UTC to
// midnight, the UTC date is still the day before, and « dans 5 jours » would read « dans 4 jours ».
const parisDays = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

/** `YYYY-MM-DD` of the day in Paris `days` days from now (negative: ago). */
export function parisDayAhead(days: number): string {
  const [y = 0, m = 1, d = 1] = parisDays.format(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
