// Shared by server and web: validation messages as codes, written out in French (API, default UI) and English.
// zod's own messages are mapped onto these codes once, here, so that server and browser say the same thing.
import { z } from 'zod';

export const fieldMessages = {
  required: { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  invalid: { fr: 'Valeur invalide.', en: 'Invalid value.' },
  tooShort: { fr: 'Trop court (au moins {min} caractères).', en: 'Too short (at least {min} characters).' },
  tooLong: { fr: 'Trop long (au plus {max} caractères).', en: 'Too long (at most {max} characters).' },
  tooSmall: { fr: 'Doit être au moins {min}.', en: 'Must be at least {min}.' },
  tooBig: { fr: 'Doit être au plus {max}.', en: 'Must be at most {max}.' },
  invalidEmail: { fr: 'Adresse e-mail invalide.', en: 'Invalid e-mail address.' },
  invalidUrl: {
    fr: 'Adresse web invalide (ex. https://exemple.fr).',
    en: 'Invalid web address (e.g. https://example.org).',
  },
  invalidRna: {
    fr: 'Numéro RNA invalide : la lettre W suivie de 9 chiffres ou lettres (ex. W133000123).',
    en: 'Invalid RNA number: the letter W followed by 9 digits or letters (e.g. W133000123).',
  },
  invalidSiren: {
    fr: 'SIREN invalide : 9 chiffres avec une clé de contrôle correcte.',
    en: 'Invalid SIREN: 9 digits with a correct check key.',
  },
  invalidSiret: {
    fr: 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte (ex. 732 829 320 00074).',
    en: 'Invalid SIRET: 14 digits with a correct check key (e.g. 732 829 320 00074).',
  },
  siretNotMatchingSiren: {
    fr: 'Le SIRET doit commencer par le SIREN.',
    en: 'The SIRET must start with the SIREN.',
  },
  invalidPostalCode: { fr: 'Code postal invalide (5 chiffres).', en: 'Invalid postal code (5 digits).' },
  invalidPhone: { fr: 'Numéro de téléphone invalide.', en: 'Invalid phone number.' },
  unknownCommune: { fr: 'Commune inconnue.', en: 'Unknown commune.' },
  unknownTheme: { fr: 'Thème inconnu.', en: 'Unknown theme.' },
  unknownItem: { fr: 'Élément inconnu pour cette famille d’acteurs.', en: 'Unknown item for this actor family.' },
  subtypeMismatch: {
    fr: 'Ce sous-type ne correspond pas à la famille choisie.',
    en: 'This subtype does not match the family.',
  },
  companyOnly: { fr: 'Réservé aux entreprises.', en: 'For companies only.' },
  passwordTooShort: {
    fr: 'Le mot de passe doit compter au moins 10 caractères.',
    en: 'The password must have at least 10 characters.',
  },
  emailTaken: { fr: 'Un compte existe déjà avec cette adresse.', en: 'An account already uses this address.' },
  badCredentials: { fr: 'E-mail ou mot de passe incorrect.', en: 'Wrong e-mail or password.' },
  tokenInvalid: { fr: 'Lien invalide ou expiré.', en: 'Invalid or expired link.' },
  memberNeedsActor: {
    fr: 'Un membre doit être rattaché à une organisation.',
    en: 'A member must belong to an organisation.',
  },
  unknownActor: { fr: 'Organisation inconnue.', en: 'Unknown organisation.' },
  ownAdminRole: {
    fr: 'Vous ne pouvez pas retirer votre propre rôle d’administrateur.',
    en: 'You cannot remove your own admin role.',
  },
  ownAccountDisabled: {
    fr: 'Vous ne pouvez pas désactiver votre propre compte.',
    en: 'You cannot disable your own account.',
  },
  // needs and offers
  // flagship projects
  // partnerships
  // alliances and ecosystem graph
  // contact log and follow-ups
} satisfies Record<string, { fr: string; en: string }>;

export type FieldMessageCode = keyof typeof fieldMessages;

export function isFieldMessageCode(code: string): code is FieldMessageCode {
  return Object.hasOwn(fieldMessages, code);
}

/** The text of a message code in a locale, with `{min}`-style placeholders filled; unknown codes pass through. */
export function fieldMessage(code: string, locale: 'fr' | 'en' = 'fr', vars: Record<string, unknown> = {}): string {
  const text = isFieldMessageCode(code) ? fieldMessages[code][locale] : code;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

// zod's built-in issues become our codes; explicit messages given in schemas (codes) are kept.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : 'tooShort';
        return issue.origin === 'number' ? 'tooSmall' : 'invalid';
      case 'too_big':
        return issue.origin === 'string' ? 'tooLong' : issue.origin === 'number' ? 'tooBig' : 'invalid';
      case 'invalid_format':
        return issue.format === 'email' ? 'invalidEmail' : issue.format === 'url' ? 'invalidUrl' : 'invalid';
      default:
        return 'invalid';
    }
  },
});
