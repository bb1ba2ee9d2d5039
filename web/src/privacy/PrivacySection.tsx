/** « Mes données personnelles » on the account page: consents, download, erasure request. */
export function PrivacySection() {
  return null;
}
