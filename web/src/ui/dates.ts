// Values of date inputs, in the browser's time zone (toISOString would give the UTC day: yesterday just after
// midnight in France).

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as the value of a datetime-local input. */
export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as the value of a date input. */
export const todayLocal = () => toLocalInput(new Date()).slice(0, 10);
