// Each feature keeps its messages beside its pages; they are merged with the core catalogue (fr.ts, en.ts).
import { allianceMessages } from '../alliances/messages';
import { auditMessages } from '../audit/messages';
import { claimMessages } from '../claims/messages';
import { contactMessages } from '../contacts/messages';
import { dashboardMessages } from '../dashboard/messages';
import { diagnosticMessages } from '../diagnostics/messages';
import { dialogueMessages } from '../dialogue/messages';
import { evaluationMessages } from '../evaluation/messages';
import { invitationMessages } from '../events/invitations/messages';
import { eventMessages } from '../events/messages';
import { minuteMessages } from '../events/minutes/messages';
import { speedDatingMessages } from '../events/speed-dating/messages';
import { fundingApplicationMessages } from '../funding/applications/messages';
import { fundingBudgetMessages } from '../funding/budget/messages';
import { fundingCalendarMessages } from '../funding/calendar/messages';
import { fundingCallMessages } from '../funding/calls/messages';
import { fundingGrantMessages } from '../funding/grants/messages';
import { fundingMessages } from '../funding/messages';
import { importMessages } from '../imports/messages';
import { mailMessages } from '../mail/messages';
import { matchingMessages } from '../matching/messages';
import { moderationMessages } from '../moderation/messages';
import { needOfferMessages } from '../needs-offers/messages';
import { notificationMessages } from '../notifications/messages';
import { openDataMessages } from '../open-data/messages';
import { partnershipMessages } from '../partnerships/messages';
import { privacyMessages } from '../privacy/messages';
import { programmeMessages } from '../programmes/messages';
import { projectMessages } from '../projects/messages';
import { reviewMessages } from '../reviews/messages';
import { listExportMessages } from '../ui/export/messages';

export const featureCatalogues = [
  needOfferMessages,
  projectMessages,
  partnershipMessages,
  allianceMessages,
  contactMessages,
  matchingMessages,
  notificationMessages,
  eventMessages,
  invitationMessages,
  minuteMessages,
  speedDatingMessages,
  programmeMessages,
  importMessages,
  claimMessages,
  fundingMessages,
  fundingCallMessages,
  fundingApplicationMessages,
  fundingCalendarMessages,
  fundingBudgetMessages,
  fundingGrantMessages,
  openDataMessages,
  evaluationMessages,
  diagnosticMessages,
  dialogueMessages,
  moderationMessages,
  dashboardMessages,
  reviewMessages,
  listExportMessages,
  auditMessages,
  privacyMessages,
  mailMessages,
] as const;
