import { challengeMessages } from './messages-challenges';
import { proposalMessages } from './messages-proposals';

/** The territorial dialogue's messages, in two files by page family. */
export const dialogueMessages = {
  fr: { ...challengeMessages.fr, ...proposalMessages.fr },
  en: { ...challengeMessages.en, ...proposalMessages.en },
};
