/** A feature's messages: French first, and an English text for every French key (checked by the compiler). */
export function catalogue<const F extends Record<string, string>>(fr: F, en: Record<keyof F, string>) {
  return { fr, en };
}
