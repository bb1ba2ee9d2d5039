import { catalogue } from '../i18n/catalogue';

export const projectMessages = catalogue(
  {
    'project.placeholder': '',
  },
  {
    'project.placeholder': '',
  },
);
