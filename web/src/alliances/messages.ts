import { catalogue } from '../i18n/catalogue';

export const allianceMessages = catalogue(
  {
    'alliance.placeholder': '',
  },
  {
    'alliance.placeholder': '',
  },
);
