import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import webpush from 'web-push';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { inScope } from '../db/scope.js';
import { JobRunner } from '../jobs/runner.js';
import { hashPassword } from '../modules/auth/tokens.js';
import { demoMailboxDir } from '../modules/mail/mailer.js';
import { openRuntime as openConfiguredRuntime } from '../runtime.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demoData.js';
import { isDatabaseEmpty, seedDemo } from '../seed/seed.js';
import { buildApp } from '../server/app.js';
import { SYSTEM_ACTOR } from '../server/context.js';
import { createServices } from '../server/services.js';
import { PASSWORD_MIN_LENGTH } from '../shared/auth.js';
import { createBackup, readBackupFile, restoreBackup, writeBackupFile } from './backup.js';
import { acquireServerLock, assertDataDirFree, DataDirBusyError, serverHolding } from './serverLock.js';

const USAGE = `Usage: lotsennetz <command>

Commands:
  start                         migrate, seed the demo when empty (embedded default), serve
  migrate                       apply database migrations
  seed --demo                   seed the Hannover and Osnabrück demo offices (refused in production)
  office create --name N --city C
  user create --email E --name N --role platform_admin|coordinator [--office ID] [--password-stdin]
  backup --out FILE             consistent dump of the database (gzip JSON)
  restore --in FILE             restore a dump into an empty database
  push keys                     print a new VAPID key pair for Web Push (set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY)
`;

let environment: NodeJS.ProcessEnv = process.env;

function config(): Config {
  try {
    return loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) return line.trim();
    return '';
  }
  if (process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Password (at least ${PASSWORD_MIN_LENGTH} characters, empty = generate): `);
    rl.close();
    if (answer) return answer;
  }
  const generated = randomBytes(18).toString('base64url');
  console.log(`Generated password: ${generated}`);
  return generated;
}

/** Every command but `start` refuses an embedded data folder that a running server holds (see serverLock.ts). */
function openRuntime(cfg: Config) {
  if (!cfg.databaseUrl) assertDataDirFree(cfg.dataDir);
  return openConfiguredRuntime(cfg);
}

/** `env` defaults to the process environment; tests pass their own. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  environment = env;
  try {
    return await runCommand(argv);
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function runCommand(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  const { values } = parseArgs({
    args: argv.slice(command === 'user' || command === 'office' ? 2 : 1),
    options: {
      demo: { type: 'boolean' },
      name: { type: 'string' },
      city: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      office: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      out: { type: 'string' },
      in: { type: 'string' },
    },
    allowPositionals: true,
  });

  switch (command) {
    case 'start':
    case undefined:
      return start();
    case 'migrate': {
      const ctx = await openRuntime(config());
      console.log(`Migrations applied (${ctx.database.kind}).`);
      await ctx.database.close();
      return 0;
    }
    case 'seed': {
      if (!values.demo) {
        console.error('Only demo seeding exists: seed --demo');
        return 2;
      }
      const cfg = config();
      if (cfg.env === 'production' && cfg.databaseUrl) {
        console.error('Refused: demo data with known passwords is never seeded into a production database.');
        return 2;
      }
      const ctx = await openRuntime(cfg);
      if (!(await isDatabaseEmpty(ctx))) {
        console.error('The database already has offices; the demo is seeded into an empty database only.');
        await ctx.database.close();
        return 2;
      }
      const result = await seedDemo(ctx);
      console.log(`Seeded ${result.offices} offices and ${result.guides} guides.`);
      await ctx.database.close();
      return 0;
    }
    case 'office': {
      if (sub !== 'create' || !values.name || !values.city) {
        console.error(USAGE);
        return 2;
      }
      const ctx = await openRuntime(config());
      const services = createServices(ctx);
      const { office } = await inScope(ctx.database.db, 'system', (tx) =>
        services.offices.createInTx(tx, SYSTEM_ACTOR, { name: values.name as string, city: values.city as string }),
      );
      console.log(`Office created: ${office.id} ${office.name}`);
      await ctx.database.close();
      return 0;
    }
    case 'user': {
      const role = values.role;
      if (sub !== 'create' || !values.email || !values.name || (role !== 'platform_admin' && role !== 'coordinator')) {
        console.error(USAGE);
        return 2;
      }
      if (role === 'coordinator' && !values.office) {
        console.error('A coordinator needs --office <office id>.');
        return 2;
      }
      const password = await readPassword(Boolean(values['password-stdin']));
      if (password.length < PASSWORD_MIN_LENGTH) {
        console.error(`The password must have at least ${PASSWORD_MIN_LENGTH} characters.`);
        return 2;
      }
      const ctx = await openRuntime(config());
      const services = createServices(ctx);
      const passwordHash = await hashPassword(password);
      const { user } = await inScope(ctx.database.db, 'system', (tx) =>
        services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
          email: (values.email as string).toLowerCase(),
          displayName: values.name as string,
          role,
          officeId: role === 'coordinator' ? (values.office as string) : null,
          passwordHash,
        }),
      );
      console.log(`User created: ${user.email} (${user.role})`);
      await ctx.database.close();
      return 0;
    }
    case 'backup': {
      if (!values.out) {
        console.error('backup --out FILE');
        return 2;
      }
      const ctx = await openRuntime(config());
      const backup = await createBackup(ctx.database);
      await writeBackupFile(backup, values.out);
      const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
      console.log(`Backup written to ${values.out}: ${Object.keys(backup.tables).length} tables, ${rows} rows.`);
      await ctx.database.close();
      return 0;
    }
    case 'restore': {
      if (!values.in) {
        console.error('restore --in FILE');
        return 2;
      }
      const cfg = config();
      const ctx = await openRuntime(cfg);
      const counts = await restoreBackup(ctx.database, await readBackupFile(values.in));
      console.log(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows into ${ctx.database.kind}.`);
      await ctx.database.close();
      return 0;
    }
    case 'push': {
      if (sub !== 'keys') {
        console.error('push keys');
        return 2;
      }
      // Printed, never stored: the operator puts them into the environment of every server instance.
      const keys = webpush.generateVAPIDKeys();
      console.log(`VAPID_PUBLIC_KEY=${keys.publicKey}\nVAPID_PRIVATE_KEY=${keys.privateKey}`);
      return 0;
    }
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

async function start(): Promise<number> {
  const cfg = config();
  // One process per embedded data folder: the lock tells `backup` and the other commands that the server holds it.
  // PGlite creates a database only in an empty folder, so a new folder is initialised first and locked right after.
  const embedded = !cfg.databaseUrl;
  let releaseLock = () => {};
  if (embedded && existsSync(join(cfg.dataDir, 'PG_VERSION'))) releaseLock = acquireServerLock(cfg.dataDir);
  else if (embedded) assertDataDirFree(cfg.dataDir);
  console.log(embedded ? `Opening the embedded database in ${cfg.dataDir} …` : 'Connecting to PostgreSQL …');
  const ctx = await openConfiguredRuntime(cfg);
  if (embedded && !serverHolding(cfg.dataDir)) releaseLock = acquireServerLock(cfg.dataDir);
  if (cfg.seedDemo && (await isDatabaseEmpty(ctx))) {
    console.log('Seeding the Hannover demo (first start only, about 10 seconds) …');
    const result = await seedDemo(ctx);
    console.log(`Demo seeded: ${result.offices} offices, ${result.guides} guides.`);
  }
  const app = await buildApp(ctx, { logger: cfg.env !== 'test' });
  // Background work (mail delivery with retries, offer expiry, reminders) runs on the job queue in the same database;
  // scheduled jobs run once per slot however many instances are up (src/jobs/runner.ts).
  const jobs = new JobRunner(ctx, createServices(ctx), {
    onError: (error, where) => app.log.error({ err: error }, `background job error (${where})`),
  });
  await jobs.start();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: finishing requests and jobs, then stopping`);
    try {
      // No new connections; requests in flight finish (and may still enqueue mail) before the queue stops.
      await app.close();
      // Running jobs get time to finish; what is left is handed back to the queue for another instance.
      await jobs.stop();
      await ctx.database.close();
    } catch (error) {
      app.log.error({ err: error }, 'unclean shutdown');
      process.exitCode = 1;
    } finally {
      releaseLock();
      process.exit();
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: cfg.port, host: cfg.host });
  const where = cfg.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${cfg.dataDir}`;
  console.log(`\nLotsennetz is running at ${cfg.publicUrl}  (database: ${where})`);
  console.log(`API reference: ${cfg.publicUrl}/api/docs`);
  if (cfg.seedDemo) {
    console.log(`\nDemo logins (password "${DEMO_PASSWORD}"):`);
    for (const email of Object.values(DEMO_ACCOUNTS)) console.log(`  ${email}`);
  }
  if (!cfg.smtpUrl && cfg.env !== 'production') {
    // Invitations, password links and offers are for their recipients only; the demo delivers them here.
    console.log(`\nDemo mailbox (no SMTP_URL): mail is delivered as .eml files to ${demoMailboxDir(cfg.dataDir)}`);
  } else if (!cfg.smtpUrl) {
    console.log('\nNo SMTP_URL: mail stays in the outbox (status "stored"); its links are not readable there.');
  }
  return new Promise<number>(() => {});
}
