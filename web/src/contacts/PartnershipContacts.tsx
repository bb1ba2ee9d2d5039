/** The contact log of a partnership, on the partnership's page. */
export function PartnershipContacts(_props: { partnershipId: string }) {
  return null;
}
