/** The flagship projects and programme territories that a call for projects suits, best first (filled by calendar/). */
export function CallMatches(_props: { callId: string }) {
  return null;
}
