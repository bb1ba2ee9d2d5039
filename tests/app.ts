import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase } from './db.js';

/** The whole HTTP app on a fresh test database, driven with app.inject(). */
/** The app on a fresh test database; with `demo`, one that holds the demo data. */
export async function createTestApp(opts: { demo?: boolean } = {}) {
  const database = await createTestDatabase(opts);
  const config = { ...loadConfig({ NODE_ENV: 'test' }), demoData: false };
  const app = await buildApp({ db: database.db, databaseKind: database.kind, config });
  await app.ready();
  return {
    app,
    db: database.db,
    kind: database.kind,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
