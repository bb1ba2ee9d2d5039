// Shared by server and web: the words of a partnership's evaluation (Le Rameau's societal-utility approach).

/** The dimensions each partner scores from 1 to 5. */
export const evaluationDimensions = [
  'performance',
  'coherence',
  'efficiency',
  'relevance',
  'societalContribution',
  'clarityMeaning',
] as const;
export type EvaluationDimension = (typeof evaluationDimensions)[number];

/** Each partner's own objectives, as the partner judges them at the year's end. */
export const objectiveStatuses = ['met', 'partlyMet', 'notMet'] as const;
export type ObjectiveStatus = (typeof objectiveStatuses)[number];

/** The 1–5 scales: 1 the least, 5 the most; the balance's 3 means « équilibré ». */
export const scoreMin = 1;
export const scoreMax = 5;
