import { ContactLog } from './ContactLog';

/** The contact log of a partnership, on the partnership's page: the contact's actor is chosen among the partners. */
export function PartnershipContacts({ partnershipId }: { partnershipId: string }) {
  return <ContactLog partnershipId={partnershipId} />;
}
