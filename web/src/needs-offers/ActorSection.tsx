/** This feature's section on an actor's page. */
export function ActorNeedOffers(_props: { actorId: string }) {
  return null;
}
