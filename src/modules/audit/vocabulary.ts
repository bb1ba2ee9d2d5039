// Shared by server and web: what the audit log records.

/** A write (any unsafe method), a read of personal data by staff, or a sign-in event. */
export const auditKinds = ['write', 'personalRead', 'signIn'] as const;
export type AuditKind = (typeof auditKinds)[number];
