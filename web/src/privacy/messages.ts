import { catalogue } from '../i18n/catalogue';

export const privacyMessages = catalogue({ 'privacy.nav': 'Données personnelles' }, { 'privacy.nav': 'Personal data' });
