import type { Db } from '../../db/client.js';
import type { DemoContext } from '../../demo/context.js';
import { setMatchmakingChoice } from '../notifications/preferences.js';
import type { NotificationChoice } from '../notifications/vocabulary.js';
import { refreshSuggestions } from './refresh.js';

/** Who consented to matchmaking news in the demo, and how (the others have not: the default is « off »). */
const demoConsents: [email: string, choice: NotificationChoice][] = [
  ['charlie-free@demo.alliances.local', 'instant'],
  ['gepa@demo.alliances.local', 'weekly'],
];

/** Consents of the demo members, then a first refresh of the stored suggestions (it announces mutual ones). */
export async function loadDemoMatching(db: Db, ctx: DemoContext): Promise<string> {
  for (const [email, choice] of demoConsents) {
    const user = ctx.users.get(email);
    if (user) await setMatchmakingChoice(db, user, choice);
  }
  const result = await refreshSuggestions(db, { publicUrl: ctx.publicUrl });
  return `${result.suggestions} stored partner suggestions (${result.newMutual} mutual)`;
}
