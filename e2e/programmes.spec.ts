import type { Page } from '@playwright/test';
import { demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/programmes-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/programmes-${name}.png`, fullPage: true });
};

interface Phase {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** The demo programme (its name written with either apostrophe). */
const programmeName = /^Envies d.Alliances$/;

/** `YYYY-MM-DD` of a day from now. */
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The phase holding today, else the last one; and a due date inside it (in the future when it can be). */
function currentPhase(phases: Phase[]): { phase: Phase; dueOn: string } {
  const today = dayAhead(0);
  const phase = phases.find((p) => p.startsOn <= today && today <= p.endsOn) ?? (phases.at(-1) as Phase);
  const wanted = dayAhead(30);
  return { phase, dueOn: wanted <= phase.endsOn && wanted >= phase.startsOn ? wanted : phase.endsOn };
}

test('an animator runs Envies d’Alliances: phases, action plan, timeline, then replicates it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.animator);

  // 1. « Programmes » in the main navigation; the demo programme is listed with its territories.
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Programmes' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Programmes' })).toBeVisible();
  await shoot(page, 'liste');
  await page.getByRole('link', { name: programmeName }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: programmeName })).toBeVisible();
  const programmeUrl = page.url();
  const programmeId = programmeUrl.split('/').at(-1) ?? '';
  const detail = (await (await page.request.get(`/api/v1/programmes/${programmeId}`)).json()) as {
    territories: { name: string }[];
    phases: Phase[];
    participants: unknown[];
  };
  expect(detail.territories.length).toBeGreaterThan(0);
  expect(detail.phases.length).toBeGreaterThan(1);

  // Its territories and its phases, as a band.
  const territories = page.getByRole('region', { name: 'Territoires' });
  for (const tr of detail.territories) {
    await expect(territories.getByRole('heading', { level: 3, name: tr.name })).toBeVisible();
  }
  const phases = page.getByRole('region', { name: 'Phases' });
  await expect(phases.getByRole('listitem')).toHaveCount(detail.phases.length);
  await shoot(page, 'apercu');

  // 2. The first phase is renamed.
  const first = detail.phases[0] as Phase;
  const renamed = `${first.name} (pilotes)`;
  await page.getByRole('link', { name: 'Modifier le programme' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Modifier « Envies d.Alliances »/ })).toBeVisible();
  const phaseSection = page.getByRole('region', { name: 'Phases' });
  await expect(phaseSection.getByLabel('Nom de la phase (phase 1)')).toHaveValue(first.name);
  await phaseSection.getByLabel('Nom de la phase (phase 1)').fill(renamed);
  await shoot(page, 'modifier');
  await phaseSection.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(phaseSection.getByText('Enregistré.')).toBeVisible();
  await page.getByRole('link', { name: programmeName }).first().click();
  await expect(page.getByRole('region', { name: 'Phases' }).getByRole('heading', { name: renamed })).toBeVisible();

  // 3. An action due in the current phase, in the plan and on the timeline.
  const { phase, dueOn } = currentPhase(detail.phases);
  const phaseName = phase.id === first.id ? renamed : phase.name;
  const title = 'Cartographier les besoins des associations du territoire';
  await page
    .getByRole('navigation', { name: 'Sections du programme' })
    .getByRole('link', { name: 'Plan d’action' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Plan d’action' })).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter une action' }).click();
  await page.getByLabel('Intitulé', { exact: true }).fill(title);
  await page.getByLabel('Phase', { exact: true }).last().selectOption({ label: phaseName });
  await page
    .getByLabel('Territoire', { exact: true })
    .last()
    .selectOption({ label: detail.territories[0]?.name ?? '' });
  await page.getByLabel('Début', { exact: true }).fill(phase.startsOn);
  await page.getByLabel('Échéance', { exact: true }).fill(dueOn);
  await page.getByRole('button', { name: 'Enregistrer l’action' }).click();
  await expect(page.getByText('L’action est enregistrée.')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: phaseName })).toBeVisible();
  // The filter by phase is in the address, and keeps the action.
  await page.getByLabel('Phase', { exact: true }).first().selectOption({ label: phaseName });
  await expect(page).toHaveURL(/phase=/);
  // The demo plan has no other action in that phase.
  await expect(page.getByRole('heading', { level: 3, name: '1 action' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
  // The status is chosen, then saved by its button (arrow keys in the list save nothing on the way).
  const status = row.getByLabel(`Statut de « ${title} »`);
  await status.selectOption({ label: 'En cours' });
  await row.getByRole('button', { name: 'Enregistrer le statut' }).click();
  await expect(row.getByRole('status')).toHaveText('Statut enregistré.');
  await expect(row.getByRole('button', { name: 'Enregistrer le statut' })).toHaveCount(0);
  await expect(status).toHaveValue('inProgress');
  await shoot(page, 'plan');

  await page
    .getByRole('navigation', { name: 'Sections du programme' })
    .getByRole('link', { name: 'Calendrier' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Calendrier' })).toBeVisible();
  // Drawn (a focusable bar that tells its dates) and listed in the accessible table.
  const bar = page.getByRole('img', { name: new RegExp(title) });
  await expect(bar).toBeVisible();
  await bar.focus();
  await expect(page.getByRole('tooltip')).toContainText(title);
  await expect(page.getByRole('table', { name: 'Actions' }).getByRole('rowheader', { name: title })).toBeVisible();
  await shoot(page, 'calendrier');

  await page
    .getByRole('navigation', { name: 'Sections du programme' })
    .getByRole('link', { name: 'Décisions' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Décisions' })).toBeVisible();
  await shoot(page, 'decisions');

  // 4. Essaimage to a new territory: the phases come along, the actors do not.
  await page.getByRole('navigation', { name: 'Sections du programme' }).getByRole('link', { name: 'Aperçu' }).click();
  await page.getByRole('link', { name: 'Essaimer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Essaimer « Envies d.Alliances »/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ce qui est copié' })).toContainText('les phases');
  const copyName = 'Envies d’Alliances — Pays de Lunel';
  await page.getByLabel('Nom', { exact: true }).fill(copyName);
  await page.getByLabel('Début', { exact: true }).fill(`${new Date().getFullYear() + 1}-01-01`);
  await page.getByLabel('Nom du territoire').fill('Pays de Lunel');
  // Choosing a reference theme names it, when its label is still empty.
  await page.getByLabel('Thème', { exact: true }).selectOption({ label: 'Culture & art' });
  await expect(page.getByLabel('Intitulé du thème')).toHaveValue('Culture & art');
  await page.getByRole('combobox', { name: 'Commune' }).fill('Lunel');
  await page
    .getByRole('option', { name: /^Lunel/ })
    .first()
    .click();
  await expect(page.getByRole('button', { name: /Lunel/ })).toBeVisible();
  await shoot(page, 'essaimer');
  await page.getByRole('button', { name: 'Essaimer le programme' }).click();

  await expect(page.getByRole('heading', { level: 1, name: copyName })).toBeVisible();
  await expect(page.getByRole('link', { name: /Essaimé du programme « Envies d.Alliances »/ })).toBeVisible();
  const copiedPhases = page.getByRole('region', { name: 'Phases' });
  await expect(copiedPhases.getByRole('listitem')).toHaveCount(detail.phases.length);
  await expect(copiedPhases.getByRole('heading', { name: renamed })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Territoires' }).getByRole('heading', { name: 'Pays de Lunel' }),
  ).toBeVisible();
  await expect(page.getByText('Aucun acteur ne participe pour l’instant.')).toBeVisible();
  expect(page.url()).not.toBe(programmeUrl);
});
