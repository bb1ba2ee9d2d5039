// Shared by server and web: consents and erasure (RGPD).

/**
 * What a person consented to: being contacted by other members and partners through the platform (`contact`), and
 * receiving e-mails from the programme (`emails`: news, digests; not the messages an account needs to work).
 */
export const consentScopes = ['contact', 'emails'] as const;
export type ConsentScope = (typeof consentScopes)[number];

/** An erasure request: waiting for staff, carried out, or refused with a reason (e.g. a legal obligation to keep). */
export const erasureStatuses = ['pending', 'done', 'refused'] as const;
export type ErasureStatus = (typeof erasureStatuses)[number];
