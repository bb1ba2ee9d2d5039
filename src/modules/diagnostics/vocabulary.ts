// Shared by server and web: the words of the diagnostics.

/** Which questionnaire an actor answers: associations the strategic one, companies the CSR-and-partnership one. */
export const diagnosticKinds = ['association', 'company'] as const;
export type DiagnosticKind = (typeof diagnosticKinds)[number];

/** A diagnostic is a draft until completed; its scores are computed (and frozen) when it is completed. */
export const diagnosticStatuses = ['draft', 'completed'] as const;
export type DiagnosticStatus = (typeof diagnosticStatuses)[number];
