import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { Mailer } from '../src/modules/mail/mailer.js';
import { buildApp } from '../src/server/app.js';

/** The OpenAPI document as the running app generates it from the zod schemas. */
export async function generateOpenApi(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const database = await openDatabase({ memory: true });
  const app = await buildApp(
    { config, database, mailer: new Mailer({ from: config.mailFrom }), now: () => new Date() },
    { webRoot: '/nonexistent' },
  );
  await app.ready();
  const document = app.swagger();
  await app.close();
  await database.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}
