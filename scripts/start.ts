// `npm start`: the whole platform on this machine with the built-in problems.
import { z } from 'zod';
import { LOG_LEVELS, parseEnvironment, sharedEnvironmentSchema } from '@oj/shared';
import { WeakAdminPasswordError } from '@oj/db/seed';
import { StackError, startStack, type RunningStack } from './stack.ts';

const environment = parseEnvironment(
  sharedEnvironmentSchema.extend({
    // Request logs of every service are a lot for a terminal; LOG_LEVEL=info brings them back.
    LOG_LEVEL: z.enum(LOG_LEVELS).default('warn'),
    API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    JUDGE_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    ADMIN_USERNAME: z.string().default('admin'),
    ADMIN_PASSWORD: z.string().min(8).optional(),
  }),
  process.env,
);

if (!environment.ok) {
  for (const problem of environment.problems) console.error(`start: ${problem}`);
  process.exit(2);
}
const config = environment.data;
const log = (line: string): void => console.log(line);

// Set up before the stack starts: its services run in process groups of their own, so Ctrl+C in the
// terminal reaches only this process, which stops them (or, while still starting, exits, which kills them).
let stack: RunningStack | undefined;
let stopping = false;
const shutdown = (): void => {
  if (stopping) return;
  stopping = true;
  log('stopping...');
  void (stack?.stop() ?? Promise.resolve()).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`start: ${(error as Error).message}`);
      process.exit(1);
    },
  );
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);

try {
  stack = await startStack({
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    apiPort: config.API_PORT,
    webPort: config.WEB_PORT,
    workers: config.JUDGE_WORKERS,
    adminUsername: config.ADMIN_USERNAME,
    adminPassword: config.ADMIN_PASSWORD,
    env: { LOG_LEVEL: config.LOG_LEVEL },
    log,
  });
  log('');
  log(`oj is running:`);
  if (stack.webUrl) log(`  site       http://localhost:${config.WEB_PORT}`);
  log(
    `  API        http://localhost:${config.API_PORT}/api   (docs: /api/docs, metrics: ${process.env['METRICS_TOKEN'] ? '/metrics with Authorization: Bearer $METRICS_TOKEN' : 'off, set METRICS_TOKEN to serve /metrics'})`,
  );
  log(`  judges     ${config.JUDGE_WORKERS} worker process(es)`);
  if (!config.ADMIN_PASSWORD)
    log('  no admin account: set ADMIN_PASSWORD (and ADMIN_USERNAME) and start again to create one');
  log('Press Ctrl+C to stop.');
} catch (error) {
  if (error instanceof StackError || error instanceof WeakAdminPasswordError) console.error(`start: ${error.message}`);
  else console.error(error);
  process.exit(1);
}
