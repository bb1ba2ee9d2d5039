// Shared by server and web: accounts, sessions, invitations, password resets, users admin and API tokens.
import { z } from 'zod';
import { staff, userRoles } from '../../auth/roles.js';
import { defineRoute, idParams, noContent } from '../../http/contract.js';

export const passwordSchema = z.string().min(10, { message: 'passwordTooShort' }).max(200);
const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const currentUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(userRoles),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  locale: z.string(),
  /** The person's commune (a citizen's, for the dialogue's figures), with its name. */
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
});
export type CurrentUserView = z.infer<typeof currentUser>;

export const sessionView = z.object({ user: currentUser.nullable(), csrfToken: z.string().nullable() });

export const userView = currentUser.omit({ locale: true, communeCode: true, communeName: true }).extend({
  disabled: z.boolean(),
  lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const invitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(userRoles),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  acceptedAt: z.iso.datetime({ offset: true }).nullable(),
});

export const apiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
});

export const getSession = defineRoute({
  method: 'GET',
  path: '/api/v1/auth/session',
  summary: 'Who is signed in (null for anonymous), with the CSRF token to echo on unsafe requests',
  tags: ['auth'],
  access: 'public',
  response: sessionView,
});

export const login = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/login',
  summary: 'Sign in with e-mail and password (rate limited); sets the session cookie',
  tags: ['auth'],
  access: 'public',
  body: z.object({ email, password: z.string().min(1).max(200) }),
  response: sessionView,
});

export const logout = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/logout',
  summary: 'Sign out: ends the session',
  tags: ['auth'],
  access: 'signedIn',
  response: noContent,
  status: 204,
});

export const requestPasswordReset = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/password-reset-requests',
  summary: 'E-mail a password reset link (answers the same whether the address exists or not)',
  tags: ['auth'],
  access: 'public',
  body: z.object({ email }),
  response: noContent,
  status: 204,
});

export const resetPassword = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/password-resets',
  summary: 'Set a new password with a reset link’s token',
  tags: ['auth'],
  access: 'public',
  body: z.object({ token: z.string().min(10).max(200), password: passwordSchema }),
  response: noContent,
  status: 204,
});

export const createInvitation = defineRoute({
  method: 'POST',
  path: '/api/v1/invitations',
  summary: 'Invite someone by e-mail (animators invite members and observers; admins any role)',
  tags: ['accounts'],
  access: staff,
  body: z.object({ email, role: z.enum(userRoles), actorId: z.uuid().nullish() }),
  response: invitationView,
  status: 201,
});

export const listInvitations = defineRoute({
  method: 'GET',
  path: '/api/v1/invitations',
  summary: 'Pending and accepted invitations',
  tags: ['accounts'],
  access: staff,
  response: z.object({ items: z.array(invitationView) }),
  personalData: true,
});

export const getInvitation = defineRoute({
  method: 'GET',
  path: '/api/v1/invitations/by-token/:token',
  summary: 'What an invitation link offers (for its acceptance page)',
  tags: ['accounts'],
  access: 'public',
  params: z.object({ token: z.string().min(10).max(200) }),
  response: z.object({
    email: z.string(),
    role: z.enum(userRoles),
    actorName: z.string().nullable(),
    /** The name a citizen gave when signing up (pre-fills the form). */
    displayName: z.string().nullable(),
  }),
});

export const acceptInvitation = defineRoute({
  method: 'POST',
  path: '/api/v1/invitations/accept',
  summary: 'Accept an invitation: creates the account and signs in',
  tags: ['accounts'],
  access: 'public',
  body: z.object({
    token: z.string().min(10).max(200),
    displayName: z.string().trim().min(2).max(120),
    password: passwordSchema,
  }),
  response: sessionView,
});

export const listUsers = defineRoute({
  method: 'GET',
  path: '/api/v1/users',
  summary: 'All accounts',
  tags: ['accounts'],
  access: ['admin'],
  response: z.object({ items: z.array(userView) }),
  personalData: true,
});

export const updateUser = defineRoute({
  method: 'PATCH',
  path: '/api/v1/users/:id',
  summary: 'Change an account’s role, organisation or disable it',
  tags: ['accounts'],
  access: ['admin'],
  params: idParams,
  body: z.object({
    role: z.enum(userRoles).optional(),
    actorId: z.uuid().nullish(),
    disabled: z.boolean().optional(),
    displayName: z.string().trim().min(2).max(120).optional(),
  }),
  response: userView,
});

export const listApiTokens = defineRoute({
  method: 'GET',
  path: '/api/v1/me/api-tokens',
  summary: 'My personal API tokens',
  tags: ['accounts'],
  access: 'signedIn',
  response: z.object({ items: z.array(apiTokenView) }),
});

export const createApiToken = defineRoute({
  method: 'POST',
  path: '/api/v1/me/api-tokens',
  summary: 'Create a personal API token (shown once); it carries my role',
  tags: ['accounts'],
  access: 'signedIn',
  body: z.object({ name: z.string().trim().min(1).max(100) }),
  response: apiTokenView.extend({ token: z.string() }),
  status: 201,
});

export const revokeApiToken = defineRoute({
  method: 'DELETE',
  path: '/api/v1/me/api-tokens/:id',
  summary: 'Revoke one of my API tokens',
  tags: ['accounts'],
  access: 'signedIn',
  params: idParams,
  response: noContent,
  status: 204,
});

// ---------- citizens (issue 9): self sign-up and their own commune ----------

const communeCode = z
  .string()
  .trim()
  .regex(/^[0-9][0-9AB][0-9]{3}$/, { message: 'unknownCommune' });

export const citizenSignupBody = z.object({
  email,
  displayName: z.string().trim().min(2).max(120),
  /** Optional: the commune where the person lives, for the dialogue's figures by commune. */
  communeCode: communeCode.nullish(),
  /** The code of conduct (charte de participation) must be accepted. */
  acceptsCodeOfConduct: z.literal(true, { message: 'codeOfConductRequired' }),
  /** The language of the e-mail sent. */
  locale: z.enum(['fr', 'en']).default('fr'),
});
export type CitizenSignupBody = z.input<typeof citizenSignupBody>;

export const citizenSignup = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/citizen-signups',
  summary:
    'A citizen signs up: an invitation link to choose a password is e-mailed (same answer whether the address has an account or not; rate limited)',
  tags: ['auth'],
  access: 'public',
  body: citizenSignupBody,
  response: z.object({ accepted: z.literal(true) }),
  status: 202,
});

export const updateMe = defineRoute({
  method: 'PATCH',
  path: '/api/v1/me',
  summary: 'Change my own account: my commune (null clears it)',
  tags: ['accounts'],
  access: 'signedIn',
  body: z.object({ communeCode: communeCode.nullable() }),
  response: currentUser,
});
