import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { callerOf, fieldsOf } from '../../../tests/http.js';
import { actorPeople, actors } from '../actors/schema.js';
import { partnershipPartners, partnerships } from '../partnerships/schema.js';
import { programmeActions, programmeParticipants, programmes, programmeTerritories } from '../programmes/schema.js';
import type { PublicReview, ReviewView } from './contract.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('annual review routes', () => {
  let t: TestApp;
  let admin: SignedIn;
  let animator: SignedIn;
  let observer: SignedIn;
  let member: SignedIn;
  let programmeId: string;
  const slug = `bilan-test-${Math.random().toString(36).slice(2, 8)}`;
  const call = callerOf(() => t.app);
  const base = () => `/api/v1/programmes/${programmeId}/reviews/2018`;
  const publicBase = `/api/v1/public/reviews/${slug}/2018`;
  const texts = {
    introduction: 'Une première année.\n\nDeux paragraphes.',
    conclusion: 'À suivre en 2019.',
    openQuestions: '- Quelle structure ?\n- Quels financements ?',
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t.db, 'admin');
    animator = await signedInAs(t.db, 'animator');
    observer = await signedInAs(t.db, 'observer');
    member = await signedInAs(t.db, 'member');
    const [programme] = await t.db
      .insert(programmes)
      .values({ slug, name: 'Programme du bilan', startsOn: '2017-09-01', endsOn: '2019-12-31' })
      .returning({ id: programmes.id });
    programmeId = programme?.id ?? '';
    const [territory] = await t.db
      .insert(programmeTerritories)
      .values({ programmeId, name: 'Pertuis', themeLabel: 'Économie circulaire', communeCodes: ['84089'], position: 0 })
      .returning({ id: programmeTerritories.id });
    const [association, company] = await t.db
      .insert(actors)
      .values([
        { family: 'association', name: 'Association du bilan', communeCode: '84089' },
        { family: 'company', name: 'Entreprise du bilan', communeCode: '84089' },
      ])
      .returning({ id: actors.id });
    if (!association || !company || !territory) throw new Error('fixture not inserted');
    await t.db.insert(actorPeople).values({ actorId: association.id, name: 'Jeanne Personne', role: 'Présidente' });
    await t.db.insert(programmeParticipants).values([
      {
        programmeId,
        actorId: association.id,
        territoryId: territory.id,
        role: 'Groupe pilote',
        joinedOn: '2018-01-10',
      },
      {
        programmeId,
        actorId: company.id,
        territoryId: territory.id,
        role: 'Entreprise pilote',
        joinedOn: '2018-02-01',
      },
    ]);
    const [published, secret] = await t.db
      .insert(partnerships)
      .values([
        {
          title: 'Partenariat publié',
          mode: 'support',
          startsOn: '2018-03-01',
          communeCodes: ['84089'],
          publishedAt: new Date(),
        },
        {
          title: 'Partenariat confidentiel',
          mode: 'societalInnovation',
          startsOn: '2018-04-01',
          communeCodes: ['84089'],
        },
      ])
      .returning({ id: partnerships.id });
    if (!published || !secret) throw new Error('partnerships not inserted');
    await t.db.insert(programmeActions).values([
      { programmeId, title: 'Dossier FDVA de la trésorerie', ownerRole: 'Trésorière du bilan', dueOn: '2018-06-30' },
      { programmeId, title: 'Demande Fondation du bilan', ownerRole: 'Chargée du bilan', dueOn: '2019-03-31' },
    ]);
    await t.db.insert(partnershipPartners).values([
      { partnershipId: published.id, actorId: association.id },
      { partnershipId: published.id, actorId: company.id },
      { partnershipId: secret.id, actorId: company.id },
    ]);
  });
  afterAll(() => t.close());

  it('lets readers read the review, with every section and empty texts left out', async () => {
    for (const who of [admin, animator, observer]) {
      const res = await call(who, 'GET', base());
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const view = (await call(observer, 'GET', base())).body as ReviewView;
    expect(view).toMatchObject({ year: 2018, years: [2017, 2018, 2019], introduction: '', publishedAt: null });
    expect(view.canEdit).toBe(false);
    expect(view.document.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const partnershipsText = JSON.stringify(view.document.sections.find((s) => s.id === 'partnerships'));
    expect(partnershipsText).toContain('Partenariat publié');
    expect(partnershipsText).toContain('Partenariat confidentiel');
  });

  it('refuses members and anonymous visitors', async () => {
    expect((await call(member, 'GET', base())).status).toBe(403);
    expect((await call(null, 'GET', base())).status).toBe(401);
    expect((await call(member, 'GET', `${base()}/review.pdf`)).status).toBe(403);
    expect((await call(observer, 'PUT', base(), texts)).status).toBe(403);
    expect((await call(observer, 'PUT', `${base()}/publication`, { published: true })).status).toBe(403);
  });

  it('refuses bad texts naming the field, and a year outside the programme', async () => {
    const res = await call(animator, 'PUT', base(), { ...texts, conclusion: 'x'.repeat(8001), openQuestions: 3 });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(fieldsOf(res.body)).toEqual([
      ['conclusion', 'tooLong'],
      ['openQuestions', 'invalid'],
    ]);
    expect(((await call(animator, 'GET', base())).body as ReviewView).conclusion).toBe('');
    const outside = await call(animator, 'GET', `/api/v1/programmes/${programmeId}/reviews/2021`);
    expect(outside.status).toBe(422);
    expect(fieldsOf(outside.body)).toEqual([['year', 'reviewYearOutside']]);
    expect((await call(animator, 'GET', `/api/v1/programmes/${crypto.randomUUID()}/reviews/2018`)).status).toBe(404);
  });

  it('refuses texts with a part missing rather than blanking it, naming the missing fields', async () => {
    expect((await call(animator, 'PUT', base(), texts)).status).toBe(200);
    const res = await call(animator, 'PUT', base(), { introduction: 'Seulement l’introduction.' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).map(([field]) => field)).toEqual(['conclusion', 'openQuestions']);
    expect(((await call(animator, 'GET', base())).body as ReviewView).conclusion).toBe(texts.conclusion);
  });

  it('counts the meetings held once: the key figures of parts 2 and 4 agree', async () => {
    const view = (await call(observer, 'GET', base())).body as ReviewView;
    const held = (id: string) =>
      view.document.sections
        .find((s) => s.id === id)
        ?.blocks.flatMap((b) => (b.kind === 'keyFigures' ? b.items : []))
        .find((k) => k.label === 'Rencontres tenues')?.value;
    expect(held('done')).toBeDefined();
    expect(held('done')).toBe(held('meetings'));
    // Readers read the action plan: its titles and owners' roles.
    const text = JSON.stringify(view.document);
    expect(text).toContain('Dossier FDVA de la trésorerie');
    expect(text).toContain('Trésorière du bilan');
    expect(text).toContain('Demande Fondation du bilan');
  });

  it('lets staff write the texts, shown as the introduction, open questions and conclusion', async () => {
    const res = await call(animator, 'PUT', base(), texts);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const view = res.body as ReviewView;
    expect(view).toMatchObject({ introduction: texts.introduction, canEdit: true });
    const sections = view.document.sections;
    expect(sections[0]).toMatchObject({
      id: 'introduction',
      blocks: [
        { kind: 'paragraph', text: 'Une première année.' },
        { kind: 'paragraph', text: 'Deux paragraphes.' },
      ],
    });
    expect(sections.at(-1)).toMatchObject({
      id: 'conclusion',
      blocks: [{ kind: 'paragraph', text: 'À suivre en 2019.' }],
    });
    expect(sections.find((s) => s.id === 'next')?.blocks).toContainEqual({
      kind: 'list',
      items: ['Quelle structure ?', 'Quels financements ?'],
    });
  });

  it('answers the PDF, the DOCX and the charts to readers', async () => {
    const pdf = await call(observer, 'GET', `${base()}/review.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`bilan-2018-${slug}.pdf`);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await call(animator, 'GET', `${base()}/review.docx`);
    expect(docx.status).toBe(200);
    expect(docx.type).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(docx.raw);
    expect(await zip.file('word/document.xml')?.async('string')).toContain('Programme du bilan');
    const chart = await call(observer, 'GET', `${base()}/charts/participants.svg`);
    expect(chart.status).toBe(200);
    expect(chart.type).toContain('image/svg+xml');
    expect(chart.text).toContain('<svg');
    // A chart the document leaves out (no evaluation this year) is not found.
    expect((await call(observer, 'GET', `${base()}/charts/evaluation.svg`)).status).toBe(404);
  });

  it('keeps the public version 404 until published, then shows it without person or unpublished record', async () => {
    const years = async () => (await call(null, 'GET', `/api/v1/public/reviews/${slug}`)).body as { years: number[] };
    expect(await years()).toEqual({ years: [] });
    expect((await call(null, 'GET', publicBase)).status).toBe(404);
    expect((await call(null, 'GET', `${publicBase}/review.pdf`)).status).toBe(404);
    const published = await call(animator, 'PUT', `${base()}/publication`, { published: true });
    expect(published.status).toBe(200);
    expect((published.body as ReviewView).publishedAt).not.toBeNull();
    const res = await call(null, 'GET', publicBase);
    expect(res.status).toBe(200);
    const review = res.body as PublicReview;
    expect(review).toMatchObject({ audience: 'public', programmeSlug: slug, title: 'Bilan 2018' });
    expect(await years()).toEqual({ years: [2018] });
    const text = JSON.stringify(review);
    // The action plan stays the team's: counted, never named, nor its owners' roles.
    for (const secret of ['Dossier FDVA', 'Trésorière du bilan', 'Demande Fondation du bilan', 'Chargée du bilan']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain('1 action est inscrite au plan pour 2019.');
    // Fewer than three partnerships evaluated: evaluationFigures gives the public nothing, and the review says why.
    expect(text).toContain('les scores ne sont rendus publics qu’à partir de 3 partenariats évalués');
    expect(text).not.toContain('Score global');
    expect(text).toContain('Partenariat publié');
    expect(text).not.toContain('Partenariat confidentiel');
    for (const person of ['Jeanne Personne', admin.user.displayName, animator.user.displayName]) {
      expect(text).not.toContain(person);
    }
    const pdf = await call(null, 'GET', `${publicBase}/review.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect((await call(null, 'GET', `${publicBase}/review.docx`)).status).toBe(200);
    expect((await call(null, 'GET', `${publicBase}/charts/participants.svg`)).status).toBe(200);
    expect((await call(null, 'GET', `/api/v1/public/reviews/${slug}/2019`)).status).toBe(404);

    expect((await call(admin, 'PUT', `${base()}/publication`, { published: false })).status).toBe(200);
    expect((await call(null, 'GET', publicBase)).status).toBe(404);
    const bad = await call(admin, 'PUT', `${base()}/publication`, { published: 'yes' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual([['published', 'invalid']]);
  });
});
