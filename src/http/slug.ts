// Shared by server and web: names for downloaded files and generated addresses.

/** `Fête de la Musique à l’Œil !` → `fete-de-la-musique-a-l-oeil`; `fallback` when nothing is left. */
export function slugOf(title: string, fallback: string): string {
  const slug = title
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // At most 60 characters, cut between words.
  const short = slug.length <= 60 ? slug : slug.slice(0, 61).replace(/-[^-]*$/, '');
  return short || fallback;
}
