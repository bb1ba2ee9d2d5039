import { catalogue } from '../i18n/catalogue';

export const auditMessages = catalogue({ 'audit.nav': 'Journal d’audit' }, { 'audit.nav': 'Audit log' });
