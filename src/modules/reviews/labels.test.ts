import { describe, expect, it } from 'vitest';
import {
  actionStatusLabelsFr,
  allianceStatusLabelsFr,
  budgetCategoryLabelsFr,
  dimensionLabelsFr,
  eventKindLabelsFr,
  familyLabelsFr,
  formatEurosFr,
  meetingStatusFr,
  sourceKindLabelsFr,
  stepLabelsFr,
} from './labels.js';

describe('the review’s French words', () => {
  it('come from the web catalogues: no label is left as its catalogue key', () => {
    const maps = {
      actionStatusLabelsFr,
      allianceStatusLabelsFr,
      budgetCategoryLabelsFr,
      dimensionLabelsFr,
      eventKindLabelsFr,
      familyLabelsFr,
      sourceKindLabelsFr,
      stepLabelsFr,
    };
    for (const [name, labels] of Object.entries(maps)) {
      for (const [value, label] of Object.entries(labels)) {
        expect(label, `${name}.${value}`).not.toMatch(/^[a-z]+(\.[A-Za-z]+)+$/);
        expect(label.length, `${name}.${value}`).toBeGreaterThan(2);
      }
    }
    expect(familyLabelsFr.association).toBe('Associations');
    expect(dimensionLabelsFr.performance).toBe('Performance');
    expect(meetingStatusFr('held')).not.toContain('event.');
  });

  it('format euros as the dashboard does: `12 500 €`', () => {
    expect(formatEurosFr(12500).replace(/[\u00a0\u202f]/g, ' ')).toBe('12 500 €');
  });
});
