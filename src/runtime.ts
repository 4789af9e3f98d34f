import type { Config } from './config.js';
import { type Database, openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { createMailer } from './modules/mail/mailer.js';
import type { AppContext } from './server/context.js';
import { createMetrics } from './server/metrics.js';

/** Opens the configured database (PostgreSQL with DATABASE_URL, else embedded PGlite in DATA_DIR) and migrates it. */
export async function openRuntime(
  config: Config,
  options: { migrate?: boolean; database?: Database } = {},
): Promise<AppContext> {
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
      // The embedded database runs in its own thread, so the HTTP thread never waits on a query (ADR 0008).
      worker: true,
    }));
  if (options.migrate !== false) await migrate(database);
  return {
    config,
    database,
    mailer: createMailer(config),
    now: () => new Date(),
    metrics: createMetrics(),
  };
}
