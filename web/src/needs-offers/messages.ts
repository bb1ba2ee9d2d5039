import { catalogue } from '../i18n/catalogue';

export const needOfferMessages = catalogue(
  {
    'needOffer.placeholder': '',
  },
  {
    'needOffer.placeholder': '',
  },
);
