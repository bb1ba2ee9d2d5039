/** This feature's section on an actor's page. */
export function ActorContacts(_props: { actorId: string }) {
  return null;
}
