// Shared by server and web: the words of funding — calls for projects, funding applications, the programme's budget,
// volunteer valuation and the grants of local authorities (issue 7).

/**
 * A funding application's pipeline: drafted, submitted to the funder, then granted or refused; a granted application
 * is « reported » once its final report went to the funder. The allowed moves are in applications/pipeline.ts.
 */
export const applicationStatuses = ['drafting', 'submitted', 'granted', 'refused', 'reported'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** The statuses whose granted amount counts as secured funding. */
export const securedStatuses = ['granted', 'reported'] as const satisfies readonly ApplicationStatus[];

/** What an application asks money for: exactly one of them. */
export const applicationTargets = ['programme', 'project', 'partnership'] as const;
export type ApplicationTarget = (typeof applicationTargets)[number];

/**
 * Budget categories, after the seeds' 2018–2020 forecast (« fonctionnement / coordination transversale »,
 * « production / territoire ») and the usual headings of an association's project budget.
 */
export const budgetCategories = [
  'coordination',
  'production',
  'communication',
  'evaluation',
  'training',
  'equipment',
  'other',
] as const;
export type BudgetCategory = (typeof budgetCategories)[number];

/**
 * Where a budget line's money comes from: a funding application (counted as funded once granted), a partner's
 * contribution to a partnership or an alliance, or the network head's own funds (« apport PAA »).
 */
export const fundingSourceKinds = ['application', 'contribution', 'ownFunds'] as const;
export type FundingSourceKind = (typeof fundingSourceKinds)[number];

/** What a deadline of the funding calendar is: a call closing, or a report due to a funder. */
export const deadlineKinds = ['callCloses', 'reportDue'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

/** Reminders go to the animators this many days before a deadline. */
export const reminderDays = [14, 3] as const;

/** What a funding document belongs to: exactly one of them. */
export const fundingDocumentOwners = ['call', 'application', 'report'] as const;
export type FundingDocumentOwner = (typeof fundingDocumentOwners)[number];

/** Severity of a finding of the SCDL validation: an error refuses the line, a warning (a deviation) is reported. */
export const scdlSeverities = ['error', 'warning'] as const;
export type ScdlSeverity = (typeof scdlSeverities)[number];

/**
 * Where a call for projects stands today, computed from its dates: announced (no opening date yet, or not opened
 * yet), open, or closed (its closing date has passed).
 */
export const callStatuses = ['open', 'announced', 'closed'] as const;
export type CallStatus = (typeof callStatuses)[number];

/** The one step back an application may take from a status (with a reason): undoing a submission or a decision. */
export const applicationBackSteps: Partial<Record<ApplicationStatus, ApplicationStatus>> = {
  submitted: 'drafting',
  granted: 'submitted',
  refused: 'submitted',
};
