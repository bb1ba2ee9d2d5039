import { catalogue } from '../../i18n/catalogue';

export const minuteMessages = catalogue({ 'event-minutes.slot': '' }, { 'event-minutes.slot': '' });
