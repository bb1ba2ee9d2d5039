import { catalogue } from '../i18n/catalogue';

export const openDataMessages = catalogue(
  {
    'openData.footer': 'Données ouvertes',
    'openData.title': 'Données ouvertes',
    'openData.intro':
      'Les données publiques d’Alliances sont librement réutilisables sous la Licence Ouverte / Etalab\u00a02.0. Chaque fichier CSV (UTF-8, séparateur virgule, une ligne par enregistrement, listes séparées par «\u00a0;\u00a0») est décrit par un schéma Table Schema.',
    'openData.privacy':
      'Aucune donnée personnelle\u202f: ni personne, ni adresse, courriel ou téléphone, ni contribution, document ou note de partenariat.',
    'openData.actors.title': 'Acteurs de l’annuaire',
    'openData.actors.description':
      'Chaque acteur avec les champs que l’annuaire montre à tous\u202f: nom, famille, commune, présentation, thématiques, ODD, apports et besoins, et ses identifiants (RNA, SIREN, SIRET) et site web s’il les publie.',
    'openData.partnerships.title': 'Partenariats publiés',
    'openData.partnerships.description':
      'Les partenariats que tous leurs partenaires ont accepté de publier\u202f: partenaires, mode, thématiques, communes, dates et étape.',
    'openData.download': 'Télécharger le fichier CSV',
    'openData.schema': 'Schéma (JSON)',
    'openData.fields': 'Champs du fichier',
    'openData.col.name': 'Colonne',
    'openData.col.title': 'Intitulé',
    'openData.col.description': 'Description',
    'openData.licence': 'Licence Ouverte / Etalab 2.0',
  },
  {
    'openData.footer': 'Open data',
    'openData.title': 'Open data',
    'openData.intro':
      'Alliances’ public data may be freely reused under the Licence Ouverte / Etalab 2.0 (Open Licence). Each CSV file (UTF-8, comma-separated, one line per record, lists separated by “;”) is described by a Table Schema.',
    'openData.privacy':
      'No personal data: no person, address, e-mail or phone, no partnership contribution, document or note.',
    'openData.actors.title': 'Actors of the directory',
    'openData.actors.description':
      'Each actor with the fields the directory shows everyone: name, family, commune, presentation, themes, SDGs, what it offers and seeks, and its identifiers (RNA, SIREN, SIRET) and website if it publishes them.',
    'openData.partnerships.title': 'Published partnerships',
    'openData.partnerships.description':
      'The partnerships every partner agreed to publish: partners, mode, themes, communes, dates and step.',
    'openData.download': 'Download the CSV file',
    'openData.schema': 'Schema (JSON)',
    'openData.fields': 'Fields of the file',
    'openData.col.name': 'Column',
    'openData.col.title': 'Title',
    'openData.col.description': 'Description',
    'openData.licence': 'Licence Ouverte / Etalab 2.0 (Open Licence)',
  },
);
