import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, allows, type UserRole } from '../src/auth/roles.js';
import { registeredContracts } from '../src/http/route.js';
import { actors } from '../src/modules/actors/schema.js';
import { createTestApp } from './app.js';
import { type SignedIn, signedInAs } from './auth.js';

/**
 * Who may call each route, written out again here on purpose: changing a route's access rule must change this
 * table too. `staff` = admin and animator. Finer rules on a resource (a member edits only its own organisation)
 * are tested in the modules.
 */
const staff = ['admin', 'animator'] as const;
const expected: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/v1/reference': 'public',
  'GET /api/v1/communes': 'public',
  'GET /api/v1/actors': 'public',
  'GET /api/v1/actors/map': 'public',
  'GET /api/v1/actors/:id': 'public',
  'POST /api/v1/actors': staff,
  'PUT /api/v1/actors/:id': ['admin', 'animator', 'member'],
  'DELETE /api/v1/actors/:id': staff,
  'GET /api/v1/actors/:id/history': ['admin', 'animator', 'observer', 'member'],
  'GET /api/v1/auth/session': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'signedIn',
  'POST /api/v1/auth/password-reset-requests': 'public',
  'POST /api/v1/auth/password-resets': 'public',
  'POST /api/v1/invitations': staff,
  'GET /api/v1/invitations': staff,
  'GET /api/v1/invitations/by-token/:token': 'public',
  'POST /api/v1/invitations/accept': 'public',
  'GET /api/v1/users': ['admin'],
  'PATCH /api/v1/users/:id': ['admin'],
  'GET /api/v1/me/api-tokens': 'signedIn',
  'POST /api/v1/me/api-tokens': 'signedIn',
  'DELETE /api/v1/me/api-tokens/:id': 'signedIn',
  // needs and offers
  'GET /api/v1/needs-offers': 'public',
  'GET /api/v1/needs-offers/latest': 'public',
  'GET /api/v1/needs-offers/:id': 'public',
  'POST /api/v1/needs-offers': ['admin', 'animator', 'member'],
  'PUT /api/v1/needs-offers/:id': ['admin', 'animator', 'member'],
  'PATCH /api/v1/needs-offers/:id/status': ['admin', 'animator', 'member'],
  'DELETE /api/v1/needs-offers/:id': ['admin', 'animator', 'member'],
  // flagship projects
  'GET /api/v1/projects': 'public',
  'GET /api/v1/projects/:id': 'public',
  'GET /api/v1/projects/:id/sheet.pdf': 'public',
  'POST /api/v1/projects': ['admin', 'animator', 'member'],
  'PUT /api/v1/projects/:id': ['admin', 'animator', 'member'],
  'DELETE /api/v1/projects/:id': ['admin', 'animator', 'member'],
  // partnerships
  'GET /api/v1/partnerships': 'signedIn',
  'GET /api/v1/partnerships/board': 'signedIn',
  'GET /api/v1/showcase/partnerships': 'public',
  'GET /api/v1/partnerships/draft-from-need/:needOfferId': ['admin', 'animator', 'member'],
  'GET /api/v1/partnerships/:id': 'public',
  'GET /api/v1/partnerships/:id/timeline': 'signedIn',
  'POST /api/v1/partnerships': ['admin', 'animator', 'member'],
  'PUT /api/v1/partnerships/:id': ['admin', 'animator', 'member'],
  'POST /api/v1/partnerships/:id/partners': ['admin', 'animator', 'member'],
  'PUT /api/v1/partnerships/:id/partners/:actorId': ['admin', 'animator', 'member'],
  'DELETE /api/v1/partnerships/:id/partners/:actorId': ['admin', 'animator', 'member'],
  'PUT /api/v1/partnerships/:id/partners/:actorId/consent': ['admin', 'animator', 'member'],
  'POST /api/v1/partnerships/:id/contributions': ['admin', 'animator', 'member'],
  'PUT /api/v1/partnerships/:id/contributions/:itemId': ['admin', 'animator', 'member'],
  'DELETE /api/v1/partnerships/:id/contributions/:itemId': ['admin', 'animator', 'member'],
  'POST /api/v1/partnerships/:id/benefits': ['admin', 'animator', 'member'],
  'PUT /api/v1/partnerships/:id/benefits/:itemId': ['admin', 'animator', 'member'],
  'DELETE /api/v1/partnerships/:id/benefits/:itemId': ['admin', 'animator', 'member'],
  'POST /api/v1/partnerships/:id/benefits/:itemId/realise': ['admin', 'animator', 'member'],
  'PUT /api/v1/partnerships/:id/steps/:step': ['admin', 'animator', 'member'],
  'POST /api/v1/partnerships/:id/step': ['admin', 'animator', 'member'],
  'PUT /api/v1/partnerships/:id/status': ['admin', 'animator', 'member'],
  'POST /api/v1/partnerships/:id/renewals': ['admin', 'animator', 'member'],
  'DELETE /api/v1/partnerships/:id/documents/:docId': ['admin', 'animator', 'member'],
  'GET /api/v1/partnerships/:id/documents/:docId': ['admin', 'animator', 'member'],
  'POST /api/v1/partnerships/:id/documents': ['admin', 'animator', 'member'],
  // alliances and ecosystem graph
  'GET /api/v1/alliances': 'public',
  'GET /api/v1/actors/:id/alliances': 'public',
  'GET /api/v1/alliances/:id': 'public',
  'POST /api/v1/alliances': staff,
  'PUT /api/v1/alliances/:id': staff,
  'POST /api/v1/alliances/:id/members': staff,
  'PUT /api/v1/alliances/:id/members/:actorId': staff,
  'DELETE /api/v1/alliances/:id/members/:actorId': staff,
  'PUT /api/v1/alliances/:id/members/:actorId/consent': ['admin', 'animator', 'member'],
  'POST /api/v1/alliances/:id/partnerships': staff,
  'DELETE /api/v1/alliances/:id/partnerships/:partnershipId': staff,
  'POST /api/v1/alliances/:id/contributions': ['admin', 'animator', 'member'],
  'PUT /api/v1/alliances/:id/contributions/:itemId': ['admin', 'animator', 'member'],
  'DELETE /api/v1/alliances/:id/contributions/:itemId': ['admin', 'animator', 'member'],
  'POST /api/v1/alliances/:id/benefits': ['admin', 'animator', 'member'],
  'PUT /api/v1/alliances/:id/benefits/:itemId': ['admin', 'animator', 'member'],
  'DELETE /api/v1/alliances/:id/benefits/:itemId': ['admin', 'animator', 'member'],
  'GET /api/v1/alliances/:id/balance': ['admin', 'animator', 'observer', 'member'],
  'GET /api/v1/ecosystem': 'public',
  // contact log and follow-ups
  'POST /api/v1/contacts': ['admin', 'animator', 'member'],
  'PUT /api/v1/contacts/:id': ['admin', 'animator', 'member'],
  'DELETE /api/v1/contacts/:id': ['admin', 'animator', 'member'],
  'GET /api/v1/actors/:id/contacts': 'signedIn',
  'GET /api/v1/partnerships/:id/contacts': 'signedIn',
  'PATCH /api/v1/next-steps/:id': ['admin', 'animator', 'member'],
  'GET /api/v1/me/follow-ups': 'signedIn',
  'GET /api/v1/contacts/owners': ['admin', 'animator', 'member'],
  'GET /api/v1/contacts/partnerships': ['admin', 'animator', 'member'],
  // matchmaking
  'GET /api/v1/matching/suggestions': 'signedIn',
  'POST /api/v1/matching/decisions': ['admin', 'animator', 'member'],
  'GET /api/v1/matching/requests': 'signedIn',
  'POST /api/v1/matching/requests/:id/answer': ['admin', 'animator', 'member'],
  'POST /api/v1/matching/alliance-suggestions': ['admin', 'animator', 'member', 'observer'],
  'GET /api/v1/alliances/:id/suggestions': 'signedIn',
  'GET /api/v1/matching/feedback': staff,
  'POST /api/v1/matching/refresh': ['admin'],
  // notifications
  'GET /api/v1/notifications': 'signedIn',
  'POST /api/v1/notifications/:id/read': 'signedIn',
  'POST /api/v1/notifications/read-all': 'signedIn',
  // events
  'GET /api/v1/events': 'public',
  'GET /api/v1/events/:id': 'public',
  'POST /api/v1/events': staff,
  'PUT /api/v1/events/:id': staff,
  'POST /api/v1/events/:id/cancel': staff,
  'POST /api/v1/events/:id/registrations': 'signedIn',
  'DELETE /api/v1/events/:id/registrations/mine': 'signedIn',
  'GET /api/v1/events/:id/registrations': 'signedIn',
  'POST /api/v1/events/:id/registrations/:registrationId/check-in': staff,
  'GET /api/v1/events/feed.ics': 'public',
  'GET /api/v1/events/:id/event.ics': 'public',
  'GET /api/v1/events/:id/participants.csv': staff,
  'GET /api/v1/events/:id/participants.xlsx': staff,
  // event invitations (begin)
  'POST /api/v1/events/:id/invitations': staff,
  'GET /api/v1/events/:id/invitations': staff,
  'GET /api/v1/events/:id/invitations/mine': 'signedIn',
  'DELETE /api/v1/events/:id/invitations/:invitationId': staff,
  // event invitations (end)
  // event minutes (begin)
  'GET /api/v1/events/:id/minutes': 'signedIn',
  'PUT /api/v1/events/:id/minutes': staff,
  'POST /api/v1/events/:id/minutes/items': staff,
  'PUT /api/v1/events/:id/minutes/items/:itemId': staff,
  'DELETE /api/v1/events/:id/minutes/items/:itemId': staff,
  // event minutes (end)
  // speed dating (begin)
  'GET /api/v1/events/:id/speed-dating': 'signedIn',
  'PUT /api/v1/events/:id/speed-dating': staff,
  'PUT /api/v1/events/:id/speed-dating/wishes/mine': 'signedIn',
  'PUT /api/v1/events/:id/speed-dating/wishes/:registrationId': staff,
  'POST /api/v1/events/:id/speed-dating/schedule': staff,
  'GET /api/v1/events/:id/speed-dating/schedule': staff,
  'GET /api/v1/events/:id/speed-dating/schedule/mine': 'signedIn',
  'PUT /api/v1/events/:id/speed-dating/follow-ups/mine': 'signedIn',
  // speed dating (end)
  // programmes (begin)
  'GET /api/v1/programmes': 'public',
  'GET /api/v1/programmes/:id': 'public',
  'POST /api/v1/programmes': staff,
  'PUT /api/v1/programmes/:id': staff,
  'PUT /api/v1/programmes/:id/territories': staff,
  'PUT /api/v1/programmes/:id/phases': staff,
  'PUT /api/v1/programmes/:id/participants/:actorId': staff,
  'DELETE /api/v1/programmes/:id/participants/:actorId': staff,
  'PUT /api/v1/programmes/:id/steering': staff,
  'PUT /api/v1/programmes/:id/objectives': staff,
  'GET /api/v1/programmes/:id/decisions': 'signedIn',
  'GET /api/v1/programmes/:id/actions': 'signedIn',
  'POST /api/v1/programmes/:id/actions': staff,
  'PUT /api/v1/actions/:id': staff,
  'PATCH /api/v1/actions/:id/status': ['admin', 'animator', 'member'],
  'DELETE /api/v1/actions/:id': staff,
  'GET /api/v1/programmes/:id/timeline': 'public',
  'POST /api/v1/programmes/:id/replicate': staff,
  'GET /api/v1/programmes/:id/feed.ics': 'public',
  // programmes (end)
  // import runs web (begin)
  'POST /api/v1/imports/uploads': staff,
  'GET /api/v1/imports/runs': staff,
  'POST /api/v1/imports/runs': staff,
  'GET /api/v1/imports/runs/:id': staff,
  'POST /api/v1/imports/runs/:id/resume': staff,
  'GET /api/v1/imports/runs/:id/rejections': staff,
  'GET /api/v1/imports/runs/:id/rejections.csv': staff,
  'GET /api/v1/imports/reviews': staff,
  'POST /api/v1/imports/reviews/:id/accept': staff,
  'POST /api/v1/imports/reviews/:id/reject': staff,
  // import runs web (end)
  // claims (begin)
  'GET /api/v1/actors/:id/claim': 'public',
  'POST /api/v1/actors/:id/claims': 'public',
  'GET /api/v1/claims/by-token/:token': 'public',
  'POST /api/v1/claims/accept': 'public',
  // claims (end)
  // funding calls (begin)
  'GET /api/v1/funding/calls': 'public',
  'GET /api/v1/funding/calls/:id': 'public',
  'POST /api/v1/funding/calls': staff,
  'PUT /api/v1/funding/calls/:id': staff,
  'DELETE /api/v1/funding/calls/:id': staff,
  'POST /api/v1/funding/calls/:id/documents': staff,
  // funding calls (end)
  // funding applications (begin)
  'GET /api/v1/funding/applications': 'signedIn',
  'GET /api/v1/funding/applications/:id': 'signedIn',
  'POST /api/v1/funding/applications': staff,
  'PUT /api/v1/funding/applications/:id': staff,
  'DELETE /api/v1/funding/applications/:id': staff,
  'POST /api/v1/funding/applications/:id/status': staff,
  'POST /api/v1/funding/applications/:id/payments': staff,
  'DELETE /api/v1/funding/applications/:id/payments/:itemId': staff,
  'POST /api/v1/funding/applications/:id/reports': staff,
  'PUT /api/v1/funding/applications/:id/reports/:itemId': staff,
  'DELETE /api/v1/funding/applications/:id/reports/:itemId': staff,
  'POST /api/v1/funding/applications/:id/documents': staff,
  'POST /api/v1/funding/applications/:id/reports/:itemId/documents': staff,
  'GET /api/v1/funding/documents/:id': 'signedIn',
  'DELETE /api/v1/funding/documents/:id': staff,
  // funding applications (end)
  // funding calendar (begin)
  'GET /api/v1/funding/deadlines': ['admin', 'animator', 'observer'],
  'GET /api/v1/funding/deadlines.ics': ['admin', 'animator', 'observer'],
  'GET /api/v1/funding/calls/:id/matches': 'public',
  'GET /api/v1/projects/:id/calls': 'public',
  'GET /api/v1/programmes/:id/calls': 'public',
  // funding calendar (end)
  // budget (begin)
  'GET /api/v1/funding/budget': ['admin', 'animator', 'observer'],
  'GET /api/v1/funding/budget.xlsx': ['admin', 'animator', 'observer'],
  'GET /api/v1/funding/budget/sources': ['admin', 'animator', 'observer'],
  'GET /api/v1/funding/budget/applications/:id': ['admin', 'animator', 'observer'],
  'POST /api/v1/funding/budget/lines': staff,
  'PUT /api/v1/funding/budget/lines/:id': staff,
  'DELETE /api/v1/funding/budget/lines/:id': staff,
  'GET /api/v1/funding/budget/volunteers': ['admin', 'animator', 'observer'],
  'POST /api/v1/funding/budget/volunteer-rates': staff,
  'PUT /api/v1/funding/budget/volunteer-rates/:id': staff,
  'DELETE /api/v1/funding/budget/volunteer-rates/:id': staff,
  'POST /api/v1/funding/budget/volunteer-hours': staff,
  'PUT /api/v1/funding/budget/volunteer-hours/:id': staff,
  'DELETE /api/v1/funding/budget/volunteer-hours/:id': staff,
  // budget (end)
  // scdl grants (begin)
  'POST /api/v1/funding/grants/imports': staff,
  'GET /api/v1/funding/grants/imports': ['admin', 'animator', 'observer'],
  'GET /api/v1/funding/grants/imports/:id': ['admin', 'animator', 'observer'],
  'GET /api/v1/funding/grants/imports/:id/issues.csv': ['admin', 'animator', 'observer'],
  'GET /api/v1/funding/grants': ['admin', 'animator', 'observer'],
  'GET /api/v1/funding/grants.csv': ['admin', 'animator', 'observer'],
  // scdl grants (end)
  // open data (begin)
  'GET /api/v1/open-data/actors.csv': 'public',
  'GET /api/v1/open-data/actors.schema.json': 'public',
  'GET /api/v1/open-data/partnerships.csv': 'public',
  'GET /api/v1/open-data/partnerships.schema.json': 'public',
  // open data (end)
  // evaluation (begin)
  'GET /api/v1/partnerships/:id/evaluations': 'signedIn',
  'POST /api/v1/partnerships/:id/evaluations': staff,
  'GET /api/v1/evaluations': ['admin', 'animator', 'observer'],
  'GET /api/v1/evaluations/:id': 'signedIn',
  'PUT /api/v1/evaluations/:id/status': staff,
  'PUT /api/v1/evaluations/:id/responses/:actorId': ['admin', 'animator', 'member'],
  'PUT /api/v1/evaluations/:id/indicators': staff,
  'PUT /api/v1/evaluations/:id/indicators/:key': ['admin', 'animator', 'member'],
  // evaluation (end)
  // diagnostics (begin)
  'GET /api/v1/diagnostics': ['admin', 'animator', 'observer'],
  'GET /api/v1/diagnostics/actors/:id': 'signedIn',
  'PUT /api/v1/diagnostics/actors/:id/draft': ['admin', 'animator', 'member'],
  'DELETE /api/v1/diagnostics/actors/:id/draft': ['admin', 'animator', 'member'],
  'POST /api/v1/diagnostics/actors/:id/completions': ['admin', 'animator', 'member'],
  // diagnostics (end)
  // dashboard (begin)
  'GET /api/v1/programmes/:id/dashboard': ['admin', 'animator', 'observer'],
  'GET /api/v1/public/programmes/:id/dashboard': 'public',
  // dashboard (end)
  // reviews (begin)
  'GET /api/v1/programmes/:id/reviews/:year': ['admin', 'animator', 'observer'],
  'PUT /api/v1/programmes/:id/reviews/:year': staff,
  'PUT /api/v1/programmes/:id/reviews/:year/publication': staff,
  'GET /api/v1/programmes/:id/reviews/:year/review.pdf': ['admin', 'animator', 'observer'],
  'GET /api/v1/programmes/:id/reviews/:year/review.docx': ['admin', 'animator', 'observer'],
  'GET /api/v1/programmes/:id/reviews/:year/charts/:name.svg': ['admin', 'animator', 'observer'],
  'GET /api/v1/public/reviews/:slug': 'public',
  'GET /api/v1/public/reviews/:slug/:year': 'public',
  'GET /api/v1/public/reviews/:slug/:year/review.pdf': 'public',
  'GET /api/v1/public/reviews/:slug/:year/review.docx': 'public',
  'GET /api/v1/public/reviews/:slug/:year/charts/:name.svg': 'public',
  // reviews (end)
  // dialogue (begin)
  'GET /api/v1/dialogue/challenges': 'public',
  'GET /api/v1/dialogue/challenges/:id': 'public',
  'POST /api/v1/dialogue/challenges': ['admin', 'animator', 'member'],
  'PUT /api/v1/dialogue/challenges/:id': ['admin', 'animator', 'member'],
  'POST /api/v1/dialogue/challenges/:id/close': ['admin', 'animator', 'member'],
  'GET /api/v1/dialogue/proposals': 'public',
  'GET /api/v1/dialogue/proposals/:id': 'public',
  'POST /api/v1/dialogue/challenges/:id/proposals': ['admin', 'animator', 'member', 'citizen'],
  'PUT /api/v1/dialogue/proposals/:id': ['admin', 'animator', 'member', 'citizen'],
  'PUT /api/v1/dialogue/proposals/:id/support': ['admin', 'animator', 'member', 'citizen'],
  'DELETE /api/v1/dialogue/proposals/:id/support': ['admin', 'animator', 'member', 'citizen'],
  'POST /api/v1/dialogue/proposals/:id/pledges': ['admin', 'animator', 'member', 'citizen'],
  'POST /api/v1/dialogue/proposals/:id/comments': ['admin', 'animator', 'member', 'citizen'],
  'PUT /api/v1/dialogue/proposals/:id/answer': ['admin', 'animator', 'member'],
  'POST /api/v1/dialogue/proposals/:id/conversion': staff,
  // dialogue (end)
  // moderation and citizens (begin)
  'POST /api/v1/auth/citizen-signups': 'public',
  'PATCH /api/v1/me': 'signedIn',
  'POST /api/v1/dialogue/reports': 'signedIn',
  'GET /api/v1/dialogue/moderation/queue': staff,
  'GET /api/v1/dialogue/moderation/open-count': staff,
  'POST /api/v1/dialogue/moderation/decisions': staff,
  'GET /api/v1/dialogue/moderation/history': staff,
  // moderation and citizens (end)
  // list exports (begin)
  'GET /api/v1/actors/export.csv': 'public',
  'GET /api/v1/actors/export.xlsx': 'public',
  'GET /api/v1/partnerships/export.csv': 'signedIn',
  'GET /api/v1/partnerships/export.xlsx': 'signedIn',
  'GET /api/v1/events/export.csv': 'public',
  'GET /api/v1/events/export.xlsx': 'public',
  'GET /api/v1/funding/applications/export.csv': 'signedIn',
  'GET /api/v1/funding/applications/export.xlsx': 'signedIn',
  // list exports (end)
  // audit (begin)
  'GET /api/v1/audit/entries': ['admin'],
  'GET /api/v1/audit/entries/export.csv': ['admin'],
  'GET /api/v1/audit/entries/export.xlsx': ['admin'],
  // audit (end)
  // privacy (begin)
  'GET /api/v1/me/consents': 'signedIn',
  'PUT /api/v1/me/consents': 'signedIn',
  'GET /api/v1/privacy/people/:id/consents': ['admin', 'animator', 'member'],
  'PUT /api/v1/privacy/people/:id/consents': ['admin', 'animator', 'member'],
  'GET /api/v1/me/personal-data': 'signedIn',
  'GET /api/v1/me/personal-data.html': 'signedIn',
  'GET /api/v1/me/erasure-requests': 'signedIn',
  'POST /api/v1/me/erasure-requests': 'signedIn',
  'GET /api/v1/privacy/erasure-requests': staff,
  'POST /api/v1/privacy/erasure-requests/:id/decision': staff,
  'POST /api/v1/privacy/people/:id/erasure': staff,
  'POST /api/v1/privacy/accounts/:id/erasure': staff,
  'GET /api/v1/privacy/retention': staff,
  'POST /api/v1/privacy/people/:id/review': staff,
  // privacy (end)
  // notifications and mail (begin)
  'GET /api/v1/notifications/preferences': 'signedIn',
  'PUT /api/v1/notifications/preferences': 'signedIn',
  'GET /api/v1/admin/mail/dead-letters': ['admin'],
  'POST /api/v1/admin/mail/dead-letters/:id/retry': ['admin'],
  // notifications and mail (end)
};

const roles: (UserRole | null)[] = [null, 'admin', 'animator', 'member', 'observer', 'citizen'];
const key = (c: { method: string; path: string }) => `${c.method} ${c.path}`;

describe('role × route matrix', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  /** The member's own organisation: per-actor routes use it, so that only the role decides the answer. */
  let ownActorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const [row] = await t.db.insert(actors).values({ family: 'association', name: 'Matrice' }).returning();
    ownActorId = row?.id ?? '';
  });
  afterAll(() => t.close());

  it('declares an access rule for every route, as this table says', () => {
    const declared = Object.fromEntries(registeredContracts.map((c) => [key(c), c.access]));
    expect(declared).toEqual(expected);
  });

  const cases = Object.entries(expected).flatMap(([route, access]) =>
    roles.map((role) => ({ route, access, role: role ?? 'anonymous', userRole: role })),
  );

  it.each(cases)('$route as $role', async ({ route, access, userRole }) => {
    const [method, path] = route.split(' ') as [string, string];
    const id = method === 'DELETE' || path.includes('/me/') || path.includes('/users/') ? randomUUID() : ownActorId;
    const url = path.replace(':id', id).replace(':token', 'x'.repeat(43));
    const session: SignedIn | undefined = userRole
      ? await signedInAs(t.db, userRole, userRole === 'member' ? ownActorId : null)
      : undefined;
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      headers: session?.headers ?? {},
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    });
    if (allows(access, userRole)) {
      expect([401, 403]).not.toContain(res.statusCode);
    } else {
      expect(res.statusCode).toBe(userRole === null ? 401 : 403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
