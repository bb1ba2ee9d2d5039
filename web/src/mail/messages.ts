import { catalogue } from '../i18n/catalogue';

export const mailMessages = catalogue(
  {
    'mail.nav': 'Courriels non distribués',
    'mail.title': 'Courriels non distribués',
    'mail.intro':
      'Les courriels que le serveur de messagerie a refusés après plusieurs essais espacés (ou refusés définitivement). Vérifiez la cause, puis renvoyez-les\u202f: ils repartent aussitôt.',
    'mail.caption': 'Courriels abandonnés, les plus récents d’abord',
    'mail.empty': 'Aucun courriel non distribué\u202f: tout est parti.',
    'mail.col.subject': 'Objet',
    'mail.col.recipient': 'Destinataire (masqué)',
    'mail.col.attempts': 'Essais',
    'mail.col.lastError': 'Dernière réponse du serveur',
    'mail.col.dates': 'Dates',
    'mail.col.action': 'Action',
    'mail.queuedAt': 'Préparé le {date}',
    'mail.deadAt': 'Abandonné le {date}',
    'mail.retry': 'Renvoyer',
    'mail.retryLabel': 'Renvoyer le courriel «\u202f{subject}\u202f»',
    'mail.retried': 'Le courriel «\u202f{subject}\u202f» est remis dans la file d’envoi.',
  },
  {
    'mail.nav': 'Undelivered e-mails',
    'mail.title': 'Undelivered e-mails',
    'mail.intro':
      'The e-mails the mail server refused after several spaced attempts (or refused for good). Check the cause, then send them again: they leave at once.',
    'mail.caption': 'E-mails given up, newest first',
    'mail.empty': 'No undelivered e-mail: everything went out.',
    'mail.col.subject': 'Subject',
    'mail.col.recipient': 'Recipient (masked)',
    'mail.col.attempts': 'Attempts',
    'mail.col.lastError': 'Server’s last answer',
    'mail.col.dates': 'Dates',
    'mail.col.action': 'Action',
    'mail.queuedAt': 'Queued on {date}',
    'mail.deadAt': 'Given up on {date}',
    'mail.retry': 'Send again',
    'mail.retryLabel': 'Send the e-mail “{subject}” again',
    'mail.retried': 'The e-mail “{subject}” is back in the outbox.',
  },
);
