// Shared by server and web: French register identifiers.

/** RNA (répertoire national des associations): W followed by nine digits or capitals. */
export const rnaPattern = /^W[0-9A-Z]{9}$/;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** SIREN: nine digits passing the Luhn check. */
export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}

/** La Poste's establishments share SIREN 356000000; their SIRETs are valid when the digit sum is a multiple of 5. */
const laPosteSiren = '356000000';

/** SIRET: fourteen digits passing the Luhn check, with the La Poste exception. */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(laPosteSiren) && value !== `${laPosteSiren}00000`) {
    const digitSum = [...value].reduce((s, d) => s + Number(d), 0);
    return digitSum % 5 === 0;
  }
  return luhnValid(value);
}

/** Removes the spaces people type in identifiers (`732 829 320 00074`). */
export const compactIdentifier = (value: string) => value.replace(/[\s.-]/g, '').toUpperCase();
