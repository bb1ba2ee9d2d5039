// Shared by server and web: claiming an actor pre-filled from a register.
import { z } from 'zod';
import { dateTime, defineRoute, idParams } from '../../../http/contract.js';
import { acceptInvitation, sessionView } from '../../accounts/contract.js';
import { registerSources } from '../types.js';

/** A claim link works this long. */
export const claimLifetimeHours = 48;
/**
 * Claim requests accepted within an hour: per actor and e-mail address, per actor (looser, so that a few fake
 * addresses cannot lock the real claimant out), and per requesting client address.
 */
export const maxClaimsPerAddressPerHour = 3;
export const maxClaimsPerActorPerHour = 20;
export const maxClaimsPerIpPerHour = 5;

export const claimStatus = z.object({
  /** Pre-filled from a register: the registers and the date of the first import. */
  imported: z.boolean(),
  sources: z.array(z.enum(registerSources)),
  importedAt: dateTime.nullable(),
  /** Claimed, or managed by member accounts anyway (then `claimedAt` may be null). */
  claimed: z.boolean(),
  claimedAt: dateTime.nullable(),
  /** Dissolved, struck off or closed in every register it is in: not claimable. */
  ended: z.boolean(),
  /** The domain a claimant's e-mail must be at; null when the website is missing, shared or not public. */
  expectedDomain: z.string().nullable(),
  /** Why no e-mail can prove membership (then only an animator's invitation can). */
  websiteIssue: z.enum(['claimNoWebsite', 'claimSharedHost']).nullable(),
});
export type ClaimStatus = z.infer<typeof claimStatus>;

export const getClaimStatus = defineRoute({
  method: 'GET',
  path: '/api/v1/actors/:id/claim',
  summary: 'Whether an actor was pre-filled from a register and is still unclaimed',
  tags: ['imports'],
  access: 'public',
  params: idParams,
  response: claimStatus,
});

export const requestClaim = defineRoute({
  method: 'POST',
  path: '/api/v1/actors/:id/claims',
  summary:
    'Ask to claim an unclaimed actor with an e-mail at its website’s domain: a single-use link is e-mailed (the same answer whether the address has an account or not)',
  tags: ['imports'],
  access: 'public',
  params: idParams,
  body: z.object({ email: z.string().max(254) }),
  response: z.null(),
  status: 202,
});

const tokenParams = z.object({ token: z.string().min(10).max(200) });

export const getClaim = defineRoute({
  method: 'GET',
  path: '/api/v1/claims/by-token/:token',
  summary: 'What a claim link offers (for its confirmation page)',
  tags: ['imports'],
  access: 'public',
  params: tokenParams,
  response: z.object({ email: z.string(), actorId: z.uuid(), actorName: z.string() }),
});

export const acceptClaim = defineRoute({
  method: 'POST',
  path: '/api/v1/claims/accept',
  summary: 'Confirm a claim: creates the account as a member of the actor, marks the actor claimed and signs in',
  tags: ['imports'],
  access: 'public',
  body: acceptInvitation.body,
  response: sessionView,
});
