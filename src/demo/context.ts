import type { CurrentUser } from '../modules/accounts/service.js';

/** What the demo loaders of each module share: who loads, and the ids of the demo actors and users. */
export interface DemoContext {
  /** The demo administrator, acting for every demo write. */
  system: CurrentUser;
  /** Demo actor id by name (assets/demo/pays-d-aix.json). */
  actorIds: ReadonlyMap<string, string>;
  /** Demo user by e-mail (demoAccounts). */
  users: ReadonlyMap<string, CurrentUser>;
  /** Base of the links in notifications' e-mails. */
  publicUrl: string;
}

/** The e-mail domain of every demo account (reserved: `.local` is never delivered). */
export const demoDomain = 'demo.alliances.local';
