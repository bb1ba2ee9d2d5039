import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase } from './db.js';

/** The whole HTTP app on a fresh test database, driven with app.inject(). */
export async function createTestApp() {
  const database = await createTestDatabase();
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
