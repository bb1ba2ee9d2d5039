// Shared by server and web: personal data (RGPD, issue 10 point 1). Each person reads and changes their consents,
// downloads everything held about them and asks for erasure; staff decide erasures, record consents collected
// elsewhere for the people organisations list, and review those kept for a long time without activity.
import { z } from 'zod';
import { staff } from '../../auth/roles.js';
import { binaryFile, dateTime, defineRoute, idParams } from '../../http/contract.js';
import { consentScopes, erasureStatuses } from './vocabulary.js';

export const consentSourceMax = 200;
export const erasureReasonMax = 1000;
/** Without activity for this long, a person or an account is flagged for review (retention rule). */
export const retentionYears = 3;

// ---------- consents ----------

const scope = z.enum(consentScopes);

export const consentRecordView = z.object({
  granted: z.boolean(),
  at: dateTime,
  source: z.string(),
  /** Who recorded it: the person themself, or the staff or organisation member who collected it (null: system). */
  recordedByName: z.string().nullable(),
});

export const consentScopeView = z.object({
  scope,
  /** The consent in force: false when never given. */
  granted: z.boolean(),
  /** When the consent in force was recorded; null when never asked. */
  at: dateTime.nullable(),
  /** Every record, newest first. */
  history: z.array(consentRecordView),
});
export type ConsentScopeView = z.infer<typeof consentScopeView>;

export const consentsView = z.object({ scopes: z.array(consentScopeView) });
export type ConsentsView = z.infer<typeof consentsView>;

/** The account holder's own choices; an absent scope is left as it is. */
export const myConsentsBody = z.object({ contact: z.boolean().optional(), emails: z.boolean().optional() });
export type MyConsentsBody = z.input<typeof myConsentsBody>;

/** A consent collected outside the platform for a listed person: how it was collected is required. */
export const personConsentBody = z.object({
  scope,
  granted: z.boolean(),
  source: z.string().trim().min(3).max(consentSourceMax),
});
export type PersonConsentBody = z.input<typeof personConsentBody>;

export const personConsentsView = consentsView.extend({
  person: z.object({ id: z.uuid(), name: z.string(), actorId: z.uuid(), actorName: z.string() }),
});
export type PersonConsentsView = z.infer<typeof personConsentsView>;

// ---------- erasure ----------

export const erasureRequestView = z.object({
  id: z.uuid(),
  status: z.enum(erasureStatuses),
  createdAt: dateTime,
  decidedAt: dateTime.nullable(),
  reason: z.string(),
});
export type ErasureRequestView = z.infer<typeof erasureRequestView>;

/** The staff queue: who asked (until erased: then the anonymised name). */
export const erasureQueueItem = erasureRequestView.extend({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: z.string(),
  decidedByName: z.string().nullable(),
});
export type ErasureQueueItem = z.infer<typeof erasureQueueItem>;

export const erasureQueueQuery = z.object({ status: z.enum(['pending', 'decided']).default('pending') });

export const erasureDecisions = ['erase', 'refuse'] as const;
export const erasureDecisionBody = z
  .object({
    decision: z.enum(erasureDecisions),
    /** Why it was refused (a legal obligation to keep, …): required for a refusal; never personal data. */
    reason: z.string().trim().max(erasureReasonMax).default(''),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'refuse' && b.reason === '')
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
  });
export type ErasureDecisionBody = z.input<typeof erasureDecisionBody>;

export const erasedView = z.object({ erasedAt: dateTime });

// ---------- retention ----------

export const retentionPerson = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  actorId: z.uuid(),
  actorName: z.string(),
  lastActivityAt: dateTime,
});
export const retentionAccount = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: z.string(),
  lastActivityAt: dateTime,
});
export const retentionView = z.object({
  /** Activity before this instant is older than the retention period. */
  cutoff: dateTime,
  people: z.array(retentionPerson),
  accounts: z.array(retentionAccount),
});
export type RetentionView = z.infer<typeof retentionView>;

export const reviewedView = z.object({ reviewedAt: dateTime });

// ---------- routes ----------

const tags = ['privacy'];
const canEditPeople = ['admin', 'animator', 'member'] as const;

export const privacyRoutes = {
  myConsents: defineRoute({
    method: 'GET',
    path: '/api/v1/me/consents',
    summary: 'My consents (contact, e-mails): the one in force with its date, and the history',
    tags,
    access: 'signedIn',
    response: consentsView,
  }),
  setMyConsents: defineRoute({
    method: 'PUT',
    path: '/api/v1/me/consents',
    summary: 'Give or withdraw my consents; each change is recorded with its date',
    tags,
    access: 'signedIn',
    body: myConsentsBody,
    response: consentsView,
  }),
  personConsents: defineRoute({
    method: 'GET',
    path: '/api/v1/privacy/people/:id/consents',
    summary: 'The consents of a person listed by an organisation (staff, or the organisation’s members)',
    tags,
    access: canEditPeople,
    params: idParams,
    response: personConsentsView,
    personalData: true,
  }),
  recordPersonConsent: defineRoute({
    method: 'PUT',
    path: '/api/v1/privacy/people/:id/consents',
    summary: 'Record a consent collected elsewhere for a listed person, with how it was collected',
    tags,
    access: canEditPeople,
    params: idParams,
    body: personConsentBody,
    response: personConsentsView,
    personalData: true,
  }),
  myPersonalData: defineRoute({
    method: 'GET',
    path: '/api/v1/me/personal-data',
    summary: 'Everything held about me, as a JSON file (attachment)',
    tags,
    access: 'signedIn',
    response: binaryFile,
  }),
  myPersonalDataHtml: defineRoute({
    method: 'GET',
    path: '/api/v1/me/personal-data.html',
    summary: 'Everything held about me, as a readable HTML page in French (attachment)',
    tags,
    access: 'signedIn',
    response: binaryFile,
  }),
  myErasureRequests: defineRoute({
    method: 'GET',
    path: '/api/v1/me/erasure-requests',
    summary: 'My erasure requests and what became of them, newest first',
    tags,
    access: 'signedIn',
    response: z.object({ items: z.array(erasureRequestView) }),
  }),
  requestErasure: defineRoute({
    method: 'POST',
    path: '/api/v1/me/erasure-requests',
    summary: 'Ask for the erasure of my data (one pending request at a time: 409 otherwise)',
    tags,
    access: 'signedIn',
    response: erasureRequestView,
    status: 201,
  }),
  erasureQueue: defineRoute({
    method: 'GET',
    path: '/api/v1/privacy/erasure-requests',
    summary: 'Erasure requests waiting for a decision (or decided), oldest first',
    tags,
    access: staff,
    query: erasureQueueQuery,
    response: z.object({ items: z.array(erasureQueueItem) }),
    personalData: true,
  }),
  decideErasure: defineRoute({
    method: 'POST',
    path: '/api/v1/privacy/erasure-requests/:id/decision',
    summary: 'Erase the account (anonymised in one transaction, history kept) or refuse with a reason',
    tags,
    access: staff,
    params: idParams,
    body: erasureDecisionBody,
    response: erasureQueueItem,
  }),
  erasePerson: defineRoute({
    method: 'POST',
    path: '/api/v1/privacy/people/:id/erasure',
    summary: 'Erase a person listed by an organisation (name, e-mail, phone anonymised everywhere)',
    tags,
    access: staff,
    params: idParams,
    response: erasedView,
  }),
  eraseAccount: defineRoute({
    method: 'POST',
    path: '/api/v1/privacy/accounts/:id/erasure',
    summary: 'Erase an account found by the retention review (not one’s own)',
    tags,
    access: staff,
    params: idParams,
    response: erasedView,
  }),
  retention: defineRoute({
    method: 'GET',
    path: '/api/v1/privacy/retention',
    summary: `People and accounts without activity for ${retentionYears} years, to review`,
    tags,
    access: staff,
    response: retentionView,
    personalData: true,
  }),
  reviewPerson: defineRoute({
    method: 'POST',
    path: '/api/v1/privacy/people/:id/review',
    summary: 'Keep a person after review (restarts the retention period)',
    tags,
    access: staff,
    params: idParams,
    response: reviewedView,
  }),
} as const;
