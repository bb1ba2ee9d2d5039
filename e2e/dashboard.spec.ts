import fs from 'node:fs';
import type { Page } from '@playwright/test';
import {
  alliancesChart,
  type ChartContext,
  directoryChart,
  evaluationChart,
  eventsByKindChart,
  eventsByPhaseChart,
  eventsByYearChart,
  fundingChart,
  participantsChart,
  partnershipsByPhaseChart,
  partnershipsByStepChart,
  partnershipsByYearChart,
  sdgsChart,
  tableOf,
  volunteersChart,
} from '../src/modules/dashboard/charts';
import {
  dialogueByChallengeChart,
  dialogueByCommuneChart,
  dialogueByFamilyChart,
} from '../src/modules/dashboard/dialogue-charts';
import type { Dashboard } from '../src/modules/dashboard/figures';
import { frenchText } from '../src/modules/dashboard/labels';
import { demo, demoPassword, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/tableau-de-bord-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (!screenshots) return;
  // Charts drawn at once (the page honours reduced motion), so that no bar is caught half-grown.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await page.locator('[data-chart] canvas, [data-chart] svg').first().waitFor();
  await page.screenshot({ path: `docs/guide/images/tableau-de-bord-${name}.png`, fullPage: true });
};

/** The territorial dialogue's two charts side by side, with their notes (docs/guide/images/tableau-de-bord-dialogue.png). */
const shootDialogue = async (page: Page) => {
  if (!screenshots) return;
  const family = page.locator('[data-chart="dialogueByFamily"]');
  const challenges = page.locator('[data-chart="dialogueByChallenge"]');
  await challenges.scrollIntoViewIfNeeded();
  const [a, b] = [await family.boundingBox(), await challenges.boundingBox()];
  if (!a || !b) return;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  const clip = {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
  await page.screenshot({ path: 'docs/guide/images/tableau-de-bord-dialogue.png', clip });
};

/** No map tiles from the network in tests: the markers are drawn without them. */
const noTiles = (page: Page) => page.route(/tile\.openstreetmap\.org/, (route) => route.abort());

/** What each chart card's table holds, computed from the API's figures with the same option builders as the page. */
function expectedRows(d: Dashboard): Record<string, unknown[][]> {
  const ctx: ChartContext = { text: frenchText };
  const rows = (option: Parameters<typeof tableOf>[0]) => tableOf(option, '').rows;
  return {
    participants: rows(participantsChart(d.actors, d.territories, ctx)),
    directory: rows(directoryChart(d.actors, ctx)),
    partnershipsByStep: rows(partnershipsByStepChart(d.partnerships, ctx)),
    partnershipsByYear: rows(partnershipsByYearChart(d.partnerships, ctx)),
    partnershipsByPhase: rows(partnershipsByPhaseChart(d.partnerships, d.phases, ctx)),
    alliances: rows(alliancesChart(d.alliances, ctx)),
    eventsByYear: rows(eventsByYearChart(d.events, ctx)),
    eventsByPhase: rows(eventsByPhaseChart(d.events, d.phases, ctx)),
    eventsByKind: rows(eventsByKindChart(d.events, ctx)),
    funding: rows(fundingChart(d.funding, ctx)),
    volunteers: rows(volunteersChart(d.volunteers, ctx)),
    evaluation: rows(evaluationChart(d.evaluation, ctx)),
    sdgs: rows(sdgsChart(d.sdgs, ctx)),
    dialogueByFamily: rows(dialogueByFamilyChart(d.dialogue, ctx)),
    dialogueByCommune: rows(dialogueByCommuneChart(d.dialogue, ctx)),
    dialogueByChallenge: rows(dialogueByChallengeChart(d.dialogue, ctx)),
    map: d.map.communes.map((c) => [c.name, c.actors, c.partnerships, c.events]),
  };
}

/** Every chart card's rows as the page shows them (its data-rows attribute). */
const shownRows = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((el) => [
        el.dataset.chart,
        JSON.parse(el.dataset.rows ?? '[]'),
      ]),
    ),
  );

/** Each chart's drawing itself (its SVG: bars, axes, legend), by chart. */
const drawings = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((el) => [
        el.dataset.chart,
        el.querySelector('.dashboard-chart-canvas svg')?.innerHTML ?? '',
      ]),
    ),
  );

const markerCommunes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.dashboard-marker')]
      .map((el) => [...el.classList].find((c) => c.startsWith('commune-')))
      .sort(),
  );

test('an observer filters the dashboard by Pertuis: every chart, the key figures and the map follow', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await noTiles(page);
  await signIn(page, demo.observer);
  const programmes = (await (await page.request.get('/api/v1/programmes')).json()) as { items: { id: string }[] };
  const programmeId = programmes.items[0]?.id as string;
  const all = (await (await page.request.get(`/api/v1/programmes/${programmeId}/dashboard`)).json()) as Dashboard;
  const pertuisId = all.territories.find((t) => t.name === 'Pertuis')?.id as string;
  const pertuis = (await (
    await page.request.get(`/api/v1/programmes/${programmeId}/dashboard?territoryId=${pertuisId}`)
  ).json()) as Dashboard;

  await page.goto('/');
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  const partnerships = page.locator('[data-key-figure="partnerships"] dd');
  await expect(partnerships).toHaveText(String(all.keyFigures.partnerships));
  await expect.poll(() => shownRows(page)).toEqual(expectedRows(all));
  await expect.poll(() => markerCommunes(page)).toEqual(all.map.communes.map((c) => `commune-${c.code}`).sort());
  expect(all.map.communes.length).toBeGreaterThan(1);
  const participantsSvg = page.locator('[data-chart="participants"] .dashboard-chart-canvas svg');
  await expect(participantsSvg).toContainText('Aix-en-Provence');
  await expect.poll(async () => Object.keys(await drawings(page)).length).toBeGreaterThan(5);
  const drawnBefore = await drawings(page);
  await shoot(page, 'programme');
  await shootDialogue(page);

  // The territory select: every chart, the key figures and the map now hold Pertuis' figures only.
  await page.getByRole('combobox', { name: 'Territoire' }).selectOption({ label: 'Pertuis' });
  await expect(page).toHaveURL(new RegExp(`territoire=${pertuisId}`));
  await expect(page.getByRole('button', { name: 'Retirer le filtre Territoire\u202f: Pertuis' })).toBeVisible();
  await expect(partnerships).toHaveText(String(pertuis.keyFigures.partnerships));
  await expect(page.locator('[data-key-figure="participants"] dd')).toHaveText(String(pertuis.keyFigures.participants));
  await expect.poll(() => shownRows(page)).toEqual(expectedRows(pertuis));
  expect(expectedRows(pertuis)).not.toEqual(expectedRows(all));
  await expect.poll(() => markerCommunes(page)).toEqual(['commune-84089']);
  // The drawings themselves follow, not only their tables: the participants' axis holds Pertuis alone, and every chart
  // whose figures change is redrawn.
  await expect(participantsSvg).toContainText('Pertuis');
  for (const other of all.territories.filter((tr) => tr.id !== null && tr.id !== pertuisId)) {
    await expect(participantsSvg).not.toContainText(other.name);
  }
  const before = expectedRows(all);
  const after = expectedRows(pertuis);
  const changed = Object.keys(after).filter(
    (chart) =>
      chart !== 'map' && JSON.stringify(after[chart]) !== JSON.stringify(before[chart]) && after[chart]?.length,
  );
  expect(changed.length).toBeGreaterThan(3);
  await expect
    .poll(async () => {
      const drawn = await drawings(page);
      return changed.filter((chart) => drawn[chart] === drawnBefore[chart]);
    })
    .toEqual([]);
  // Screen readers hear the filter and a summary, once the figures are shown.
  await expect(page.getByRole('status').filter({ hasText: 'Filtres' })).toHaveText(
    new RegExp(`Territoire\u202f: Pertuis. ${pertuis.keyFigures.partnerships} partenariats`),
  );
  await shoot(page, 'pertuis');

  // The chip removes the filter; a chart's element (here through its data table, as a keyboard user would) sets one.
  await page.getByRole('button', { name: 'Retirer le filtre Territoire\u202f: Pertuis' }).click();
  await expect(partnerships).toHaveText(String(all.keyFigures.partnerships));
  // The chip is gone with the filter: focus goes to the filters, not lost on the page.
  await expect(page.locator('fieldset.dashboard-filters')).toBeFocused();
  const participants = page.locator('[data-chart="participants"]');
  await participants.getByText('Voir les données').click();
  await participants.getByRole('button', { name: 'Pertuis' }).click();
  await expect(page).toHaveURL(new RegExp(`territoire=${pertuisId}`));
  await expect.poll(() => markerCommunes(page)).toEqual(['commune-84089']);

  // A click on a bar of a chart filters the others: the year of the events chart.
  await page.getByRole('button', { name: 'Retirer le filtre Territoire\u202f: Pertuis' }).click();
  // Once the figures are back (the focus then moves to the filters, which scrolls), go down to the chart.
  await expect(partnerships).toHaveText(String(all.keyFigures.partnerships));
  await expect(page.locator('fieldset.dashboard-filters')).toBeFocused();
  await page.locator('[data-chart="eventsByYear"]').scrollIntoViewIfNeeded();
  const clicked = await clickBar(page, '[data-chart="eventsByYear"] .dashboard-chart-canvas');
  expect(clicked).toBe(true);
  await expect(page).toHaveURL(/annee=\d{4}/);
  await expect(page.getByRole('button', { name: /Retirer le filtre Année/ })).toBeVisible();
});

/** Clicks the tallest bar drawn in a chart (an SVG path filled with the charts' first colour, #165a72). */
async function clickBar(page: Page, selector: string): Promise<boolean> {
  const centre = async () =>
    page.evaluate((sel) => {
      const paths = [...document.querySelectorAll<SVGPathElement>(`${sel} path`)].filter((p) =>
        /#165a72|rgb\(22,\s*90,\s*114\)/i.test(p.getAttribute('fill') ?? ''),
      );
      const boxes = paths.map((p) => p.getBoundingClientRect()).sort((a, b) => b.height - a.height);
      const box = boxes[0];
      return box && box.height > 20 ? { x: box.x + box.width / 2, y: box.y + box.height - 10 } : null;
    }, selector);
  await expect.poll(centre).not.toBeNull();
  const point = await centre();
  if (!point) return false;
  await page.mouse.click(point.x, point.y);
  return true;
}

/** People's names and e-mails of the demo data (contacts, organisations' people) and the demo accounts' names. */
function demoPeople(): string[] {
  const contacts = JSON.parse(fs.readFileSync('assets/demo/contacts.json', 'utf8')) as {
    contacts: { people: string }[];
  };
  const fromContacts = contacts.contacts.flatMap((c) =>
    c.people
      .split(',')
      .map((p) => p.replace(/\(.*\)/, '').trim())
      .filter(Boolean),
  );
  const directory = JSON.parse(fs.readFileSync('assets/demo/pays-d-aix.json', 'utf8')) as {
    actors: { people?: { name: string; email?: string }[] }[];
  };
  const fromDirectory = directory.actors.flatMap((a) =>
    (a.people ?? []).flatMap((p) => [p.name, ...(p.email ? [p.email] : [])]),
  );
  const accounts = [...fs.readFileSync('src/demo/load.ts', 'utf8').matchAll(/(?:displayName|email): '([^']+)'/g)].map(
    (m) => m[1] as string,
  );
  return [...new Set([...fromContacts, ...fromDirectory, ...accounts])];
}

test('an anonymous visitor reads the public dashboard, without any personal data', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await noTiles(page);
  const programmes = (await (await request.get('/api/v1/programmes')).json()) as { items: { id: string }[] };
  const programmeId = programmes.items[0]?.id as string;
  const publicResponse = await request.get(`/api/v1/public/programmes/${programmeId}/dashboard`);
  const json = await publicResponse.text();
  const board = JSON.parse(json) as Dashboard;
  // The readers' figures (an observer, in the request's own session) count more partnerships than the public's.
  expect(
    (await request.post('/api/v1/auth/login', { data: { email: demo.observer, password: demoPassword } })).ok(),
  ).toBe(true);
  const readers = (await (await request.get(`/api/v1/programmes/${programmeId}/dashboard`)).json()) as Dashboard;
  expect(board.keyFigures.partnerships).toBeLessThan(readers.keyFigures.partnerships);
  expect(Object.keys(board.funding).sort()).toEqual(['byYear', 'secured']);

  await page.goto('/');
  await page.getByRole('link', { name: 'Le programme en chiffres' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Le programme en chiffres' })).toBeVisible();
  for (const key of ['partnerships', 'alliances', 'eventsHeld', 'attendance', 'participants'] as const) {
    await expect(page.locator(`[data-key-figure="${key}"] dd`)).toHaveText(String(board.keyFigures[key]));
  }
  await expect.poll(() => shownRows(page)).toEqual(expectedRows(board));
  await expect(page.locator('[data-chart="participants"] .dashboard-chart-canvas svg')).toBeVisible();
  // Funding: what is secured, no request, payment or budget.
  const funding = page.locator('[data-chart="funding"]');
  await expect(funding).not.toContainText(/Demandé|Versé|Budget/);
  // Evaluation: its scores only from three evaluations, else says why there are none.
  if (board.evaluation.overall === null) {
    await expect(page.locator('[data-chart="evaluation"]')).toContainText('Pas assez d’évaluations publiées');
  }
  for (const summary of await page.getByText('Voir les données').all()) await summary.click();
  await expect(page.locator('.dashboard-marker').first()).toBeAttached();
  const text = (await page.evaluate(() => document.body.textContent)) ?? '';
  const people = demoPeople();
  expect(people.length).toBeGreaterThan(10);
  expect(people.filter((p) => text.includes(p))).toEqual([]);
  expect(people.filter((p) => json.includes(p))).toEqual([]);
  expect(text).not.toMatch(/@/);
  expect(json).not.toMatch(/@/);
  await shoot(page, 'public');
});
