import { catalogue } from '../../i18n/catalogue';

export const speedDatingMessages = catalogue({ 'speed-dating.slot': '' }, { 'speed-dating.slot': '' });
