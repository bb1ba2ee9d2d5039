/** This feature's section on an actor's page. */
export function ActorPartnerships(_props: { actorId: string }) {
  return null;
}
