import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { prepare } from './db/prepare.js';
import { startFundingSchedule } from './modules/funding/calendar/schedule.js';
import { startMailSender } from './modules/mail/sender.js';
import { startMatchingSchedule } from './modules/matching/schedule.js';

const config = loadConfig();
const database = await openDatabase(config);
const app = await buildApp({ db: database.db, databaseKind: database.kind, config });
await prepare(database, config, (line) => app.log.info(line));
const stopMail = startMailSender(database.db, config, app.log, config.mailFrom ? { from: config.mailFrom } : {});
const stopMatching = startMatchingSchedule(database.db, config, app.log);
const stopFunding = startFundingSchedule(database.db, config, app.log);
const shutdown = async () => {
  await app.close();
  await stopMatching();
  await stopFunding();
  await stopMail();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ port: config.port, host: config.host });
