import { loadEnvironment, sharedEnvironmentSchema } from '@oj/shared';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = z.coerce.number().int().positive();

/** `a, b,,c` -> ['a', 'b', 'c']. */
function commaSeparated(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Every variable the API reads, with the defaults that work on a developer's machine. */
const environmentSchema = sharedEnvironmentSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  /** Loopback by default: only the site's proxy on the same machine reaches the API. Docker sets 0.0.0.0. */
  HOST: z.string().min(1).default('127.0.0.1'),
  COOKIE_SECURE: booleanFromEnv.default(false),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:3000')
    .transform(commaSeparated)
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((origin) => new URL(origin).origin))),
  /**
   * Addresses of the proxies whose X-Forwarded-For is believed (Express's `trust proxy` list: addresses,
   * CIDR subnets, or `loopback`, `linklocal`, `uniquelocal`). Empty: the header is ignored and the client
   * is the connecting address.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform(commaSeparated)
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?)$/,
            'an address, a CIDR subnet, loopback, linklocal or uniquelocal',
          ),
      ),
    ),
  SESSION_TTL_DAYS: positiveInt.max(365).default(30),
  SUBMISSIONS_PER_MINUTE: positiveInt.default(10),
  RUNS_PER_MINUTE: positiveInt.default(20),
  /** A setter's saved versions and uploaded zips: each one is stored and verified by the judges. */
  PACKAGE_SAVES_PER_MINUTE: positiveInt.default(20),
  LOGIN_ATTEMPTS_PER_WINDOW: positiveInt.default(10),
  LOGIN_WINDOW_SECONDS: positiveInt.default(15 * 60),
  /** Wrong passwords for one account, from any address, before each further attempt waits (doubling). */
  ACCOUNT_LOGIN_FAILURES_BEFORE_BACKOFF: positiveInt.default(5),
  SIGNUPS_PER_HOUR: positiveInt.default(5),
  /** Submissions of one user waiting or being judged at once; further ones get 429. */
  MAX_PENDING_SUBMISSIONS: positiveInt.default(5),
  /** Custom runs of one user at once; further ones get 429. */
  MAX_CONCURRENT_RUNS: positiveInt.default(2),
  /** Bearer token that /metrics requires; unset: /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  RUN_TIMEOUT_MS: positiveInt.default(30_000),
  SSE_HEARTBEAT_MS: positiveInt.default(15_000),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  cookieSecure: boolean;
  corsOrigins: string[];
  trustedProxies: string[];
  sessionTtlMs: number;
  rateLimits: {
    submissionsPerMinute: number;
    runsPerMinute: number;
    packageSavesPerMinute: number;
    loginAttempts: number;
    loginWindowSeconds: number;
    accountLoginFailuresBeforeBackoff: number;
    signupsPerHour: number;
    maxPendingSubmissions: number;
    maxConcurrentRuns: number;
  };
  metricsToken: string | undefined;
  runTimeoutMs: number;
  sseHeartbeatMs: number;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
}

/** Parses the environment once, at start; throws an EnvironmentError listing every problem, not just the first. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = loadEnvironment('API', environmentSchema, environment);
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    cookieSecure: env.COOKIE_SECURE,
    corsOrigins: env.CORS_ORIGINS,
    trustedProxies: env.TRUSTED_PROXIES,
    sessionTtlMs: env.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
    rateLimits: {
      submissionsPerMinute: env.SUBMISSIONS_PER_MINUTE,
      runsPerMinute: env.RUNS_PER_MINUTE,
      packageSavesPerMinute: env.PACKAGE_SAVES_PER_MINUTE,
      loginAttempts: env.LOGIN_ATTEMPTS_PER_WINDOW,
      loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
      accountLoginFailuresBeforeBackoff: env.ACCOUNT_LOGIN_FAILURES_BEFORE_BACKOFF,
      signupsPerHour: env.SIGNUPS_PER_HOUR,
      maxPendingSubmissions: env.MAX_PENDING_SUBMISSIONS,
      maxConcurrentRuns: env.MAX_CONCURRENT_RUNS,
    },
    metricsToken: env.METRICS_TOKEN,
    runTimeoutMs: env.RUN_TIMEOUT_MS,
    sseHeartbeatMs: env.SSE_HEARTBEAT_MS,
    logLevel: env.LOG_LEVEL,
  };
}
