// Each feature keeps its messages beside its pages; they are merged with the core catalogue (fr.ts, en.ts).
import { allianceMessages } from '../alliances/messages';
import { contactMessages } from '../contacts/messages';
import { eventMessages } from '../events/messages';
import { matchingMessages } from '../matching/messages';
import { needOfferMessages } from '../needs-offers/messages';
import { notificationMessages } from '../notifications/messages';
import { partnershipMessages } from '../partnerships/messages';
import { projectMessages } from '../projects/messages';

export const featureCatalogues = [
  needOfferMessages,
  projectMessages,
  partnershipMessages,
  allianceMessages,
  contactMessages,
  matchingMessages,
  notificationMessages,
  eventMessages,
] as const;
