import { catalogue } from '../i18n/catalogue';

export const programmeMessages = catalogue({ 'programme.nav': 'Programmes' }, { 'programme.nav': 'Programmes' });
