// Shared by server and web: no server-only imports here.
/** A citizen takes part in the territorial dialogue in their own name, without an organisation (self sign-up). */
export const userRoles = ['admin', 'animator', 'member', 'observer', 'citizen'] as const;
export type UserRole = (typeof userRoles)[number];

/**
 * Who may call a route: everyone (anonymous included), any signed-in user, or a list of roles.
 * Finer rules (a member edits only its own organisation) are checked by the service on the resource.
 */
export type Access = 'public' | 'signedIn' | readonly UserRole[];

export const staff = ['admin', 'animator'] as const satisfies readonly UserRole[];
export const readers = ['admin', 'animator', 'observer'] as const satisfies readonly UserRole[];

export function allows(access: Access, role: UserRole | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'signedIn') return true;
  return access.includes(role);
}
