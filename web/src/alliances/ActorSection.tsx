/** This feature's section on an actor's page. */
export function ActorAlliances(_props: { actorId: string }) {
  return null;
}
