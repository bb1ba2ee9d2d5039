import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../../tests/http.js';
import { onPostgres, whileDeleting } from '../../../../tests/races.js';
import { actors } from '../../actors/schema.js';
import { needsOffers } from '../../needs-offers/schema.js';
import { partnershipPartners, partnerships } from '../../partnerships/schema.js';
import { actionLinks, programmeActions, programmePhases, programmes } from '../../programmes/schema.js';
import type { EventDetail } from '../contract.js';
import type { MinuteItemInput, MinuteItemView, MinutesView } from './contract.js';
import { minuteItems } from './schema.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const inDays = (n: number, hour: number) => {
  const d = new Date(Date.now() + n * 24 * 3600_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

describe('event minutes routes', () => {
  let t: TestApp;
  let animator: SignedIn;
  let observer: SignedIn;
  let registeredMember: SignedIn;
  let otherMember: SignedIn;
  let eventId: string;
  let programmeId: string;
  let phaseId: string;
  let otherPhaseId: string;
  let partnershipId: string;
  let needOfferId: string;
  let actorId: string;

  const call = callerOf(() => t.app);
  const counts = async () => {
    const [row] = await t.db
      .select({
        items: sql<number>`(select count(*)::int from ${minuteItems})`,
        actions: sql<number>`(select count(*)::int from ${programmeActions})`,
      })
      .from(sql`(select 1) as one`);
    return row;
  };
  const url = () => `/api/v1/events/${eventId}/minutes`;

  beforeAll(async () => {
    t = await createTestApp();
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    const [actor] = await t.db
      .insert(actors)
      .values({ family: 'association', name: 'Le Petit Duc' })
      .returning({ id: actors.id });
    actorId = actor?.id ?? '';
    registeredMember = await signedInAs(t.db, 'member', actorId);
    otherMember = await signedInAs(t.db, 'member', actorId);
    const created = await call(animator, 'POST', '/api/v1/events', {
      kind: 'interAssociationWorkshop',
      title: 'Atelier culture et arts',
      startsAt: inDays(5, 17),
      endsAt: inDays(5, 19),
      capacity: 10,
    });
    eventId = (created.body as EventDetail).id;
    expect((await call(registeredMember, 'POST', `/api/v1/events/${eventId}/registrations`)).status).toBe(201);
    const [programme] = await t.db
      .insert(programmes)
      .values([
        { slug: 'envies', name: 'Envies d’Alliances', startsOn: '2016-09-01', endsOn: '2020-12-31' },
        { slug: 'autre', name: 'Autre programme', startsOn: '2016-09-01', endsOn: '2020-12-31' },
      ])
      .returning({ id: programmes.id });
    programmeId = programme?.id ?? '';
    const [other] = await t.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'autre'));
    const phases = await t.db
      .insert(programmePhases)
      .values([
        { programmeId, name: 'Amorçage', startsOn: '2016-09-01', endsOn: '2017-12-31', position: 0 },
        { programmeId: other?.id ?? '', name: 'Ailleurs', startsOn: '2016-09-01', endsOn: '2017-12-31', position: 0 },
      ])
      .returning({ id: programmePhases.id });
    phaseId = phases[0]?.id ?? '';
    otherPhaseId = phases[1]?.id ?? '';
    const [p] = await t.db
      .insert(partnerships)
      .values({ title: 'Mécénat de compétences', mode: 'support' })
      .returning({ id: partnerships.id });
    partnershipId = p?.id ?? '';
    const [n] = await t.db
      .insert(needsOffers)
      .values({ kind: 'need', actorId, title: 'Une salle de répétition' })
      .returning({ id: needsOffers.id });
    needOfferId = n?.id ?? '';
  });
  afterAll(() => t.close());

  it('reads the minutes: staff, observers and registered members; others 403, anonymous 401', async () => {
    const empty = await call(animator, 'GET', url());
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ notes: '', updatedAt: null, items: [], canEdit: true });
    expect((await call(observer, 'GET', url())).body.canEdit).toBe(false);
    expect((await call(registeredMember, 'GET', url())).status).toBe(200);
    expect((await call(otherMember, 'GET', url())).status).toBe(403);
    expect((await call(null, 'GET', url())).status).toBe(401);
    expect((await call(animator, 'GET', `/api/v1/events/${randomUUID()}/minutes`)).status).toBe(404);
  });

  it('writes the notes (staff only)', async () => {
    const saved = await call(animator, 'PUT', url(), { notes: '  Tour de table : douze associations.  ' });
    expect(saved.status).toBe(200);
    expect(saved.body.notes).toBe('Tour de table : douze associations.');
    expect(saved.body.updatedAt).not.toBeNull();
    expect((await call(registeredMember, 'PUT', url(), { notes: 'non' })).status).toBe(403);
    expect((await call(observer, 'PUT', url(), { notes: 'non' })).status).toBe(403);
    expect((await call(registeredMember, 'GET', url())).body.notes).toBe('Tour de table : douze associations.');
  });

  it('records a follow-up linked to a partnership and a need; edits and deletes it', async () => {
    const added = await call(animator, 'POST', `${url()}/items`, {
      kind: 'followUp',
      text: 'Relancer le mécène pour la salle',
      partnershipId,
      needOfferId,
    } satisfies MinuteItemInput);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const item = added.body as MinuteItemView;
    expect(item).toMatchObject({
      kind: 'followUp',
      action: null,
      partnership: { id: partnershipId, title: 'Mécénat de compétences' },
      needOffer: { id: needOfferId, title: 'Une salle de répétition', kind: 'need' },
    });
    const edited = await call(animator, 'PUT', `${url()}/items/${item.id}`, {
      kind: 'decision',
      text: 'Le mécène prête la salle',
      partnershipId,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ kind: 'decision', text: 'Le mécène prête la salle', needOffer: null });
    expect((await call(registeredMember, 'DELETE', `${url()}/items/${item.id}`)).status).toBe(403);
    expect((await call(animator, 'DELETE', `${url()}/items/${item.id}`)).status).toBe(204);
    expect((await call(animator, 'DELETE', `${url()}/items/${item.id}`)).status).toBe(404);
    expect((await call(animator, 'GET', url())).body.items).toEqual([]);
  });

  it('shows a partnership link only to whoever may read the partnership', async () => {
    const added = await call(animator, 'POST', `${url()}/items`, {
      kind: 'decision',
      text: 'Le mécène finance la résidence',
      partnershipId,
    } satisfies MinuteItemInput);
    expect(added.status).toBe(201);
    const linkOf = async (who: SignedIn) =>
      ((await call(who, 'GET', url())).body as MinutesView).items.find((i) => i.id === added.body.id)?.partnership;
    const link = { id: partnershipId, title: 'Mécénat de compétences' };
    expect(await linkOf(animator)).toEqual(link);
    expect(await linkOf(observer)).toEqual(link);
    // A registered member whose organisation is not a partner: no title.
    expect(await linkOf(registeredMember)).toBeNull();
    await t.db.insert(partnershipPartners).values({ partnershipId, actorId });
    expect(await linkOf(registeredMember)).toEqual(link);
    await t.db.delete(partnershipPartners).where(eq(partnershipPartners.partnershipId, partnershipId));
    expect((await call(animator, 'DELETE', `${url()}/items/${added.body.id}`)).status).toBe(204);
  });

  // PostgreSQL only: a race needs two connections.
  it.runIf(onPostgres)('names the link deleted while the item is written, not a foreign-key failure', async () => {
    const [gone] = await t.db
      .insert(partnerships)
      .values({ title: 'Partenariat éphémère', mode: 'support' })
      .returning({ id: partnerships.id });
    const before = await counts();
    const res = await whileDeleting(
      t.db,
      (tx) => tx.delete(partnerships).where(eq(partnerships.id, gone?.id ?? '')),
      () =>
        call(animator, 'POST', `${url()}/items`, { kind: 'decision', text: 'Lien disparu', partnershipId: gone?.id }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(fieldsOf(res.body)).toEqual([['partnershipId', 'unknownPartnership']]);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await counts();
    const cases: [unknown, number, [string, string][]][] = [
      [{ kind: 'decision', text: 'x' }, 400, [['text', 'tooShort']]],
      [
        { kind: 'decision', text: 'Une décision', partnershipId: randomUUID() },
        422,
        [['partnershipId', 'unknownPartnership']],
      ],
      [
        { kind: 'decision', text: 'Une décision', needOfferId: randomUUID() },
        422,
        [['needOfferId', 'unknownNeedOffer']],
      ],
      [{ kind: 'decision', text: 'Une décision', actionId: randomUUID() }, 422, [['actionId', 'unknownAction']]],
      [
        { kind: 'decision', text: 'Une décision', newAction: { programmeId, action: { title: 'ab' } } },
        400,
        [['newAction.action.title', 'tooShort']],
      ],
      [
        {
          kind: 'decision',
          text: 'Une décision',
          newAction: { programmeId: randomUUID(), action: { title: 'Une action' } },
        },
        422,
        [['newAction.programmeId', 'unknownProgramme']],
      ],
    ];
    // The contract's checks answer 400, the service's (references) 422.
    for (const [body, status, expected] of cases) {
      const res = await call(animator, 'POST', `${url()}/items`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(fieldsOf(res.body)).toEqual(expected);
    }
    expect(await counts()).toEqual(before);
  });

  it('a decision creates an action of the plan, linked to the event, in one transaction', async () => {
    const res = await call(animator, 'POST', `${url()}/items`, {
      kind: 'decision',
      text: 'Organiser un concert commun en juin',
      partnershipId,
      newAction: {
        programmeId,
        action: { title: 'Concert commun', phaseId, ownerActorId: actorId, dueOn: '2017-06-30' },
      },
    } satisfies MinuteItemInput);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const item = res.body as MinuteItemView;
    expect(item.action).toMatchObject({ title: 'Concert commun', status: 'planned', programmeId });
    const [action] = await t.db
      .select()
      .from(programmeActions)
      .where(eq(programmeActions.id, item.action?.id ?? ''));
    expect(action).toMatchObject({ phaseId, ownerActorId: actorId, dueOn: '2017-06-30', createdBy: animator.user.id });
    const links = await t.db
      .select()
      .from(actionLinks)
      .where(eq(actionLinks.actionId, item.action?.id ?? ''));
    expect(links.map((l) => [l.kind, l.eventId])).toEqual([['event', eventId]]);
    // Deleting the decision keeps its action.
    expect((await call(animator, 'DELETE', `${url()}/items/${item.id}`)).status).toBe(204);
    expect(
      await t.db
        .select()
        .from(programmeActions)
        .where(eq(programmeActions.id, item.action?.id ?? '')),
    ).toHaveLength(1);
  });

  it('a failing action (phase of another programme) leaves no item behind', async () => {
    const before = await counts();
    const res = await call(animator, 'POST', `${url()}/items`, {
      kind: 'decision',
      text: 'Une décision sans suite',
      newAction: { programmeId, action: { title: 'Action impossible', phaseId: otherPhaseId } },
    } satisfies MinuteItemInput);
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual([['newAction.action.phaseId', 'notInProgramme']]);
    expect(await counts()).toEqual(before);
  });

  it('links an existing action, not both an action and a new one', async () => {
    const [action] = await t.db
      .insert(programmeActions)
      .values({ programmeId, title: 'Action existante' })
      .returning({ id: programmeActions.id });
    const both = await call(animator, 'POST', `${url()}/items`, {
      kind: 'followUp',
      text: 'Suivre l’action',
      actionId: action?.id,
      newAction: { programmeId, action: { title: 'Une autre' } },
    });
    expect(fieldsOf(both.body)).toEqual([['newAction', 'actionOrNewAction']]);
    const linked = await call(animator, 'POST', `${url()}/items`, {
      kind: 'followUp',
      text: 'Suivre l’action',
      actionId: action?.id,
    });
    expect(linked.status).toBe(201);
    expect(linked.body.action).toMatchObject({ id: action?.id, title: 'Action existante', programmeId });
    // The page's edit mode: the link removed, then set again on an edit (as the whole item is sent each time).
    const itemUrl = `${url()}/items/${linked.body.id}`;
    const unlinked = await call(animator, 'PUT', itemUrl, {
      kind: 'followUp',
      text: 'Suivre l’action',
      actionId: null,
    });
    expect(unlinked.body.action).toBeNull();
    const relinked = await call(animator, 'PUT', itemUrl, { kind: 'decision', text: 'Suivre', actionId: action?.id });
    expect(relinked.body).toMatchObject({ kind: 'decision', text: 'Suivre', action: { id: action?.id } });
    await call(animator, 'PUT', itemUrl, { kind: 'followUp', text: 'Suivre l’action', actionId: action?.id });
    const minutes = (await call(registeredMember, 'GET', url())).body as MinutesView;
    expect(minutes.items.map((i) => i.text)).toContain('Suivre l’action');
    expect(minutes.canEdit).toBe(false);
    expect((await call(registeredMember, 'POST', `${url()}/items`, { kind: 'followUp', text: 'Non' })).status).toBe(
      403,
    );
  });
});
