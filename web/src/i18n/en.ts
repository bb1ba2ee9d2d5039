import type { Messages } from './fr';

export const en: Partial<Messages> = {
  'app.tagline':
    'Associations, companies, public authorities, universities, citizens and media: building alliances in the territory',
  'nav.directory': 'Directory',
  'nav.users': 'Users',
  'nav.login': 'Sign in',
  'nav.logout': 'Sign out',
  'nav.skip': 'Skip to content',
  'nav.language': 'Français',
  'nav.languageLabel': 'Passer en français',
  'common.loading': 'Loading…',
  'common.error': 'Something went wrong.',
  'common.notFound': 'Page not found.',
};
