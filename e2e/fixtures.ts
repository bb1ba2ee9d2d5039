import { test as base, expect, type Page } from '@playwright/test';

export const demoPassword = 'alliances-demo';
export const demo = {
  admin: 'admin@demo.alliances.local',
  animator: 'animatrice@demo.alliances.local',
  charlieFreeMember: 'charlie-free@demo.alliances.local',
  observer: 'copil@demo.alliances.local',
  gepaMember: 'gepa@demo.alliances.local',
  jceMember: 'jce@demo.alliances.local',
} as const;

/** Signs in through the API (the browser context keeps the cookie) and returns the CSRF token for API calls. */
export async function signIn(page: Page, email: string): Promise<string> {
  const res = await page.request.post('/api/v1/auth/login', { data: { email, password: demoPassword } });
  expect(res.status()).toBe(200);
  return (await res.json()).csrfToken as string;
}

export async function actorIdByName(page: Page, name: string): Promise<string> {
  const res = await page.request.get(`/api/v1/actors?q=${encodeURIComponent(name)}`);
  const body = (await res.json()) as { items: { id: string; name: string }[] };
  const found = body.items.find((a) => a.name === name);
  if (!found) throw new Error(`no actor named ${name}`);
  return found.id;
}

export const test = base;
export { expect };
