/** This feature's section on an actor's page. */
export function ActorProjects(_props: { actorId: string }) {
  return null;
}
