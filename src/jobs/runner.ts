import { hostname } from 'node:os';
import { and, eq } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { jobRuns } from '../db/schema/index.js';
import { inScope } from '../db/scope.js';
import { mailImmediateNotifications } from '../modules/notifications/mailing.js';
import { pushNotifications } from '../modules/push/sending.js';
import type { AppContext } from '../server/context.js';
import type { Services } from '../server/services.js';
import { runDailyReminders } from './reminders.js';
import { applyRetention } from './retention.js';

/** The queues; names are stored in the database (pgboss.queue), so they never change. */
export const QUEUES = {
  mail: 'mail-deliver',
  mailSweep: 'mail-sweep',
  offerExpiry: 'offer-expiry',
  reminders: 'reminders',
  /** Every minute: notifications a user wants mailed at once (the daily digest runs with the reminders). */
  notificationMail: 'notification-mail',
  /** Every minute: Web Push of new offers and reminders to subscribed devices (issue 14; a no-op without VAPID keys). */
  notificationPush: 'notification-push',
  retention: 'retention',
} as const;

export type JobOptions = {
  /** How often an idle worker asks for work (pg-boss polls; it does not LISTEN). */
  pollingIntervalSeconds?: number;
  /** Delivery attempts after the first, with exponential backoff from `mailRetryDelaySeconds`. */
  mailRetryLimit?: number;
  mailRetryDelaySeconds?: number;
  /** Install the schedules and run the clock (off in tests that drive jobs by hand). */
  schedules?: boolean;
  /** Queued mail older than this without a live job is enqueued again by the sweeper. */
  sweepAfterSeconds?: number;
  /** Which instance ran a scheduled job (job_runs.instance). */
  instance?: string;
  /** When the daily reminders run (cron, in the time zone below). */
  remindersCron?: string;
  /** When the daily retention job runs (cron, in the time zone below): at night, before anyone works. */
  retentionCron?: string;
  timeZone?: string;
  onError?: (error: unknown, where: string) => void;
};

type MailJob = { outboxId: string };

/** Any number, the same in every instance: the advisory lock around installing pg-boss's schema and queues. */
const QUEUE_INSTALL_LOCK_KEY = 7_403_112_007;

/**
 * The background work of a server, on pg-boss in our own database (PostgreSQL or embedded PGlite; see
 * docs/decisions/0007-background-jobs-on-pg-boss.md): mail delivery with retries, the sweeper that re-enqueues mail
 * whose job got lost, offer expiry, the daily reminders and the daily retention job. Scheduled jobs run once per schedule slot however many
 * instances are up: pg-boss's clock sends each slot's job once (a singleton per minute), and one worker takes it.
 */
export class JobRunner {
  readonly boss: PgBoss;
  private readonly options: Required<Omit<JobOptions, 'onError'>> & Pick<JobOptions, 'onError'>;
  private started = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly services: Services,
    options: JobOptions = {},
  ) {
    this.options = {
      pollingIntervalSeconds: 2,
      mailRetryLimit: 5,
      mailRetryDelaySeconds: 30,
      schedules: true,
      sweepAfterSeconds: 300,
      instance: `${hostname()}:${process.pid}`,
      remindersCron: '0 7 * * *',
      retentionCron: '30 2 * * *',
      timeZone: 'Europe/Berlin',
      ...options,
    };
    const database = ctx.database;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => database.query(text, values) },
      schedule: this.options.schedules,
      supervise: true,
      migrate: true,
      // Completed and failed jobs are kept a week for inspection, then removed by pg-boss's maintenance.
      deleteAfterDays: 7,
    });
    this.boss.on('error', (error) => this.options.onError?.(error, 'pg-boss'));
  }

  async start() {
    // Two instances starting together would both create pg-boss's schema and queues (and collide: pg-boss's own
    // install is not race-free for CREATE SCHEMA). On PostgreSQL an advisory lock lets one install, the other finds
    // it done. PGlite belongs to one process.
    const database = this.ctx.database;
    await database.withConnection(async (connection) => {
      const locked = database.kind === 'postgres';
      if (locked) await connection.exec(`SELECT pg_advisory_lock(${QUEUE_INSTALL_LOCK_KEY})`);
      try {
        await this.install();
      } finally {
        if (locked) await connection.exec(`SELECT pg_advisory_unlock(${QUEUE_INSTALL_LOCK_KEY})`);
      }
    });
    await this.work();
    this.ctx.mailer.setDispatcher((ids) => this.enqueueMail(ids));
    this.started = true;
  }

  private async install() {
    await this.boss.start();
    const { mailRetryLimit, mailRetryDelaySeconds } = this.options;
    await this.ensureQueue(QUEUES.mail, {
      retryLimit: mailRetryLimit,
      retryDelay: mailRetryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 120,
    });
    for (const name of [
      QUEUES.mailSweep,
      QUEUES.offerExpiry,
      QUEUES.reminders,
      QUEUES.retention,
      QUEUES.notificationMail,
      QUEUES.notificationPush,
    ])
      await this.ensureQueue(name, { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 });
    if (this.options.schedules) {
      // A minute slot is sent at most once (singletonSeconds), whichever instance's clock sends it.
      const once = { singletonKey: 'slot', singletonSeconds: 60 };
      await this.boss.schedule(QUEUES.mailSweep, '* * * * *', {}, once);
      await this.boss.schedule(QUEUES.offerExpiry, '* * * * *', {}, once);
      await this.boss.schedule(QUEUES.notificationMail, '* * * * *', {}, once);
      await this.boss.schedule(QUEUES.notificationPush, '* * * * *', {}, once);
      await this.boss.schedule(
        QUEUES.reminders,
        this.options.remindersCron,
        {},
        { ...once, tz: this.options.timeZone },
      );
      await this.boss.schedule(
        QUEUES.retention,
        this.options.retentionCron,
        {},
        { ...once, tz: this.options.timeZone },
      );
    }
  }

  private async work() {
    const { pollingIntervalSeconds } = this.options;
    await this.boss.work<MailJob>(
      QUEUES.mail,
      { includeMetadata: true, pollingIntervalSeconds, batchSize: 1 },
      async ([job]) => {
        // The last attempt marks the message failed (for a coordinator to send again) instead of throwing.
        const final = job.retryCount >= job.retryLimit;
        try {
          const result = await this.ctx.mailer.deliverOne(this.ctx.database.db, job.data.outboxId, { final });
          if (result === 'failed') this.ctx.metrics?.mailFailed('final');
        } catch (error) {
          this.ctx.metrics?.mailFailed('attempt');
          throw error;
        }
      },
    );
    await this.scheduled(QUEUES.mailSweep, async () => {
      const enqueued = await this.sweepMail();
      // Two jobs a minute leave about a million runs a year: two weeks of evidence are enough.
      await this.ctx.database.query(`delete from job_runs where started_at < now() - interval '14 days'`);
      return { enqueued };
    });
    await this.scheduled(QUEUES.offerExpiry, async () => {
      await this.services.offers.expireAllOverdue();
    });
    await this.scheduled(QUEUES.notificationMail, () => mailImmediateNotifications(this.ctx));
    await this.scheduled(QUEUES.notificationPush, () => pushNotifications(this.ctx));
    // Reminders, course sessions and (the events module's) events of tomorrow, then immediate mail and the digests.
    await this.scheduled(QUEUES.reminders, () => runDailyReminders(this.ctx));
    await this.scheduled(QUEUES.retention, () => applyRetention(this.services, this.ctx.now()));
  }

  /** One job per message; the outbox row (committed before) is the durable record. */
  async enqueueMail(ids: string[]) {
    for (const outboxId of ids) await this.boss.send(QUEUES.mail, { outboxId } satisfies MailJob);
  }

  /**
   * Queued mail that has no live job (the process died between commit and enqueue, or the queue was down) gets one.
   * Only old rows, so a message whose job is just being created is not enqueued twice.
   */
  async sweepMail(): Promise<number> {
    const { rows } = await this.ctx.database.query<{ id: string }>(
      `select o.id from outbox o
        where o.status = 'queued' and o.created_at < now() - make_interval(secs => $1)
          and not exists (select 1 from pgboss.job j where j.name = $2 and j.data->>'outboxId' = o.id::text
                            and j.state < 'completed')
        order by o.created_at limit 500`,
      [this.options.sweepAfterSeconds, QUEUES.mail],
    );
    await this.enqueueMail(rows.map((r) => r.id));
    return rows.length;
  }

  /** Runs a scheduled job's work and records the run (which slot, which instance, how it ended). */
  private async scheduled(name: string, work: () => Promise<unknown>) {
    await this.boss.work(
      name,
      { includeMetadata: true, pollingIntervalSeconds: this.options.pollingIntervalSeconds, batchSize: 1 },
      async ([job]) => {
        const db = this.ctx.database.db;
        const [run] = await inScope(db, 'system', (tx) =>
          tx
            .insert(jobRuns)
            .values({ job: name, slot: job.singletonOn ?? null, instance: this.options.instance })
            .returning({ id: jobRuns.id }),
        );
        let outcome = 'ok';
        try {
          const result = await work();
          if (typeof result === 'number' || typeof result === 'object') outcome = `ok ${JSON.stringify(result)}`;
        } catch (error) {
          outcome = 'error';
          this.ctx.metrics?.jobFailed(name);
          throw error;
        } finally {
          await inScope(db, 'system', (tx) =>
            tx
              .update(jobRuns)
              .set({ finishedAt: new Date(), outcome: outcome.slice(0, 200) })
              .where(and(eq(jobRuns.id, run.id))),
          );
        }
      },
    );
  }

  /** Runs a scheduled job now (tests, operators): through the queue, so it still runs once. */
  runNow(name: (typeof QUEUES)[keyof typeof QUEUES]) {
    return this.boss.send(name, {});
  }

  private async ensureQueue(name: string, options: Omit<PgBoss.Queue, 'name'>) {
    // createQueue is idempotent in intent, but two instances starting together may race: the loser's error is fine.
    if (!(await this.boss.getQueue(name))) {
      try {
        await this.boss.createQueue(name, { name, ...options });
      } catch (error) {
        if (!(await this.boss.getQueue(name))) throw error;
      }
    } else await this.boss.updateQueue(name, { name, ...options });
  }

  /**
   * Graceful stop: no new jobs are fetched, running ones get `timeoutMs` to finish, and what is still running then is
   * failed back to the queue (it is retried, by this or another instance). Mail goes back to direct delivery.
   */
  async stop(timeoutMs = 20_000) {
    if (!this.started) return;
    this.started = false;
    this.ctx.mailer.setDispatcher(null);
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
  }
}
