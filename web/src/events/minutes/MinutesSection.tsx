import type { EventDetail } from '../../../../src/modules/events/contract';

/** Slot on the event page (filled by its feature). */
export function MinutesSection(_props: { event: EventDetail; onChange(): void }) {
  return null;
}
