import { catalogue } from '../i18n/catalogue';

export const partnershipMessages = catalogue(
  {
    'partnership.placeholder': '',
  },
  {
    'partnership.placeholder': '',
  },
);
