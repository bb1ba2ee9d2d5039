import { catalogue } from '../i18n/catalogue';

export const contactMessages = catalogue(
  {
    'contact.placeholder': '',
  },
  {
    'contact.placeholder': '',
  },
);
