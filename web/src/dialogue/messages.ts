import { catalogue } from '../i18n/catalogue';

export const dialogueMessages = catalogue({}, {});
