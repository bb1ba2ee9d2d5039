export const fr = {
  'app.name': 'Alliances',
  'app.tagline':
    'Associations, entreprises, collectivités, universités, citoyens et médias : faire alliance sur le territoire',
  'nav.directory': 'Annuaire',
  'nav.users': 'Utilisateurs',
  'nav.login': 'Se connecter',
  'nav.logout': 'Se déconnecter',
  'nav.skip': 'Aller au contenu',
  'nav.language': 'English',
  'nav.languageLabel': 'Switch to English',
  'common.loading': 'Chargement…',
  'common.error': 'Une erreur est survenue.',
  'common.notFound': 'Page introuvable.',
};
export type Messages = typeof fr;
