import { catalogue } from '../../i18n/catalogue';

export const invitationMessages = catalogue({ 'event-invitations.slot': '' }, { 'event-invitations.slot': '' });
