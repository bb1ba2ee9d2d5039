import { catalogue } from '../i18n/catalogue';

export const moderationMessages = catalogue({}, {});
