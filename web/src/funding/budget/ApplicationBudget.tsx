/** The budget lines an application funds, with the amounts (filled by budget/). */
export function ApplicationBudget(_props: { applicationId: string }) {
  return null;
}
