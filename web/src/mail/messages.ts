import { catalogue } from '../i18n/catalogue';

export const mailMessages = catalogue(
  { 'mail.nav': 'Courriels non distribués' },
  { 'mail.nav': 'Undelivered e-mails' },
);
