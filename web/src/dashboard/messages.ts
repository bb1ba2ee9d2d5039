import { catalogue } from '../i18n/catalogue';

export const dashboardMessages = catalogue({}, {});
