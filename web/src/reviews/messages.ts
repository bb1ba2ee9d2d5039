import { catalogue } from '../i18n/catalogue';

/** The annual review's pages: the readers' page (texts, publication, downloads, preview) and the public page. */
export const reviewMessages = catalogue(
  {
    'review.link': 'Bilan annuel',
    'review.title': 'Bilan {year} — {programme}',
    'review.intro':
      'Le bilan de l’année est établi à partir des données de la plateforme, dans l’ordre du bilan de la première année\u202f: contexte, actions, territoires, rencontres, partenariats, budget, évaluation et perspectives. L’équipe écrit l’introduction, la conclusion et les questions ouvertes.',
    'review.year': 'Année',
    'review.downloads': 'Télécharger',
    'review.pdf': 'Télécharger en PDF',
    'review.docx': 'Télécharger en Word (DOCX)',
    'review.texts': 'Textes du bilan',
    'review.introduction': 'Introduction',
    'review.introductionHint':
      'Quelques paragraphes séparés par une ligne vide. Laissée vide, l’introduction n’apparaît pas dans le bilan.',
    'review.conclusion': 'Conclusion',
    'review.conclusionHint': 'Laissée vide, la conclusion n’apparaît pas dans le bilan.',
    'review.openQuestions': 'Questions ouvertes',
    'review.openQuestionsHint':
      'Une question par ligne commençant par «\u00a0-\u00a0» pour une liste\u202f; elles figurent dans la partie «\u00a0Perspectives\u00a0».',
    'review.save': 'Enregistrer les textes',
    'review.saved': 'Textes enregistrés.',
    'review.publication': 'Publication',
    'review.published': 'Publié le {date}\u202f: la version publique du bilan est lisible par tous.',
    'review.unpublished': 'Non publié\u202f: seuls l’équipe et le comité de pilotage lisent ce bilan.',
    'review.publicStatement':
      'La version publique montre les mêmes parties et les mêmes chiffres publics\u202f: les partenariats publiés seulement, les organisations et les rôles, jamais le nom d’une personne.',
    'review.publish': 'Publier le bilan',
    'review.unpublish': 'Retirer la publication',
    'review.publicLink': 'Voir la page publique',
    'review.preview': 'Aperçu du bilan',
    'review.generatedOn': 'Établi le {date} à partir des données de la plateforme.',
    'review.contents': 'Sommaire',
    'review.public.notFound': 'Ce bilan n’est pas publié.',
    'review.public.print': 'Imprimer',
    'review.public.publishedOn': 'Publié le {date}.',
  },
  {
    'review.link': 'Annual review',
    'review.title': '{year} review — {programme}',
    'review.intro':
      'The year’s review is drawn from the platform’s data, in the order of the first-year review: context, actions, territories, meetings, partnerships, budget, evaluation and outlook. The team writes the introduction, the conclusion and the open questions.',
    'review.year': 'Year',
    'review.downloads': 'Download',
    'review.pdf': 'Download as PDF',
    'review.docx': 'Download as Word (DOCX)',
    'review.texts': 'Texts of the review',
    'review.introduction': 'Introduction',
    'review.introductionHint':
      'A few paragraphs separated by an empty line. Left empty, the introduction does not appear in the review.',
    'review.conclusion': 'Conclusion',
    'review.conclusionHint': 'Left empty, the conclusion does not appear in the review.',
    'review.openQuestions': 'Open questions',
    'review.openQuestionsHint':
      'One question per line starting with “- ” for a list; they appear in the “Outlook” part.',
    'review.save': 'Save the texts',
    'review.saved': 'Texts saved.',
    'review.publication': 'Publication',
    'review.published': 'Published on {date}: the public version of the review can be read by anyone.',
    'review.unpublished': 'Not published: only the team and the steering committee read this review.',
    'review.publicStatement':
      'The public version shows the same parts and the same public figures: published partnerships only, organisations and roles, never a person’s name.',
    'review.publish': 'Publish the review',
    'review.unpublish': 'Unpublish',
    'review.publicLink': 'See the public page',
    'review.preview': 'Preview of the review',
    'review.generatedOn': 'Drawn up on {date} from the platform’s data.',
    'review.contents': 'Contents',
    'review.public.notFound': 'This review is not published.',
    'review.public.print': 'Print',
    'review.public.publishedOn': 'Published on {date}.',
  },
);
