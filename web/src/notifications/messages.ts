import { catalogue } from '../i18n/catalogue';

export const notificationMessages = catalogue(
  {
    'notifications.title': 'Notifications',
    'notifications.bell': 'Notifications',
    'notifications.bellUnread.one': 'Notifications, {count} non lue',
    'notifications.bellUnread.other': 'Notifications, {count} non lues',
    'notifications.intro':
      'Les nouvelles des mises en relation\u202f: suggestions mutuelles, demandes de rencontre et leurs réponses\u202f; pour l’équipe d’animation, les échéances des financements.',
    'notifications.unread.zero': 'Tout est lu.',
    'notifications.unread.one': '{count} notification non lue',
    'notifications.unread.other': '{count} notifications non lues',
    'notifications.markRead': 'Marquer comme lue',
    'notifications.markAllRead': 'Tout marquer comme lu',
    'notifications.allRead': 'Toutes les notifications sont marquées comme lues.',
    'notifications.empty': 'Aucune notification pour le moment.',
    'notifications.emptyConsent':
      'Vous ne recevez des notifications que si vous l’avez choisi. Choisissez comment être prévenu·e dans votre compte.',
    'notifications.settings': 'Choisir comment être prévenu·e',
    'notifications.new': 'Non lue',
    'notifications.kind.mutualSuggestion': 'Suggestion mutuelle',
    'notifications.kind.contactRequest': 'Demande de mise en relation',
    'notifications.kind.requestAccepted': 'Demande acceptée',
    'notifications.kind.requestDeclined': 'Demande déclinée',
    'notifications.kind.eventInvitation': 'Invitation à un événement',
    'notifications.kind.fundingDeadline': 'Échéance de financement',
    'notifications.consent.title': 'Être prévenu·e des mises en relation',
    'notifications.consent.intro':
      'Alliances peut vous prévenir quand votre organisation et une autre figurent chacune parmi les meilleurs partenaires suggérés à l’autre, quand une organisation souhaite vous rencontrer, et quand elle répond à votre demande.',
    'notifications.consent.legend': 'Comment voulez-vous être prévenu·e\u202f?',
    'notifications.consent.off': 'Ne pas être prévenu·e',
    'notifications.consent.offHint': 'Le choix par défaut : ni notification ni courriel.',
    'notifications.consent.instant': 'Aussitôt',
    'notifications.consent.instantHint': 'Une notification dans Alliances et un courriel à chaque nouvelle.',
    'notifications.consent.weekly': 'Chaque semaine',
    'notifications.consent.weeklyHint':
      'Une notification dans Alliances à chaque nouvelle, et un seul courriel par semaine qui les récapitule (s’il y a du nouveau).',
    'notifications.consent.privacy':
      'Aucun courriel ne vous est envoyé sans votre accord ; vous pouvez changer d’avis à tout moment. Les courriels ne contiennent aucune coordonnée personnelle.',
    'notifications.consent.since': 'Accord donné le {date}.',
    'notifications.consent.save': 'Enregistrer mon choix',
    'notifications.consent.saved': 'Votre choix est enregistré.',
    'notifications.consent.membersOnly':
      'Ces nouvelles concernent les membres d’une organisation : votre compte n’en recevra pas tant qu’il n’est pas rattaché à une organisation.',
  },
  {
    'notifications.title': 'Notifications',
    'notifications.bell': 'Notifications',
    'notifications.bellUnread.one': 'Notifications, {count} unread',
    'notifications.bellUnread.other': 'Notifications, {count} unread',
    'notifications.intro':
      'News of introductions: mutual suggestions, meeting requests and their answers; for the team, funding deadlines.',
    'notifications.unread.zero': 'All read.',
    'notifications.unread.one': '{count} unread notification',
    'notifications.unread.other': '{count} unread notifications',
    'notifications.markRead': 'Mark as read',
    'notifications.markAllRead': 'Mark all as read',
    'notifications.allRead': 'All notifications are marked as read.',
    'notifications.empty': 'No notification yet.',
    'notifications.emptyConsent':
      'You receive notifications only if you chose to. Choose how to be told in your account.',
    'notifications.settings': 'Choose how to be told',
    'notifications.new': 'Unread',
    'notifications.kind.mutualSuggestion': 'Mutual suggestion',
    'notifications.kind.contactRequest': 'Introduction request',
    'notifications.kind.requestAccepted': 'Request accepted',
    'notifications.kind.requestDeclined': 'Request declined',
    'notifications.kind.eventInvitation': 'Event invitation',
    'notifications.kind.fundingDeadline': 'Funding deadline',
    'notifications.consent.title': 'Hearing about introductions',
    'notifications.consent.intro':
      'Alliances can tell you when your organisation and another are each among the best partners suggested to the other, when an organisation wants to meet you, and when it answers your request.',
    'notifications.consent.legend': 'How do you want to be told?',
    'notifications.consent.off': 'Do not tell me',
    'notifications.consent.offHint': 'The default: no notification, no e-mail.',
    'notifications.consent.instant': 'At once',
    'notifications.consent.instantHint': 'A notification in Alliances and an e-mail for each piece of news.',
    'notifications.consent.weekly': 'Weekly',
    'notifications.consent.weeklyHint':
      'A notification in Alliances for each piece of news, and one e-mail a week summing them up (when there is news).',
    'notifications.consent.privacy':
      'No e-mail is sent to you without your consent; you may change your mind at any time. E-mails hold no personal contact details.',
    'notifications.consent.since': 'Consent given on {date}.',
    'notifications.consent.save': 'Save my choice',
    'notifications.consent.saved': 'Your choice is saved.',
    'notifications.consent.membersOnly':
      'This news concerns the members of an organisation: your account will not receive any while it belongs to none.',
  },
);
