import { ContactLog } from './ContactLog';

/** « Journal des échanges » on an actor's page: nothing for anonymous visitors nor for who may read none. */
export function ActorContacts({ actorId }: { actorId: string }) {
  return <ContactLog actorId={actorId} />;
}
