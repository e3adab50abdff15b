import { z } from 'zod';

export type EnvironmentParse<T> = { ok: true; data: T } | { ok: false; problems: string[] };

/**
 * Validates environment variables against a schema, once, at start. An empty variable counts as unset
 * (as in `VAR= command` or compose files passing `${VAR:-}`), and every problem is listed, not just the first.
 */
export function parseEnvironment<Schema extends z.ZodType>(
  schema: Schema,
  environment: Record<string, string | undefined>,
): EnvironmentParse<z.output<Schema>> {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const given = present[String(issue.path[0] ?? '')];
      return `${issue.path.join('.')}: ${issue.message}${given === undefined ? '' : ` (got ${JSON.stringify(given)})`}`;
    }),
  };
}

/** The database of a developer's machine (and of `npm start`); every part that reads DATABASE_URL falls back to it. */
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/oj';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/**
 * Every Redis key and channel of one deployment starts with its prefix (BullMQ's `prefix` option too),
 * so tests and several deployments can share one Redis without seeing each other's jobs.
 */
export const DEFAULT_REDIS_PREFIX = 'oj';
/** pino's levels, the one set every process accepts in LOG_LEVEL. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The variables every process of the platform reads, with their defaults; each process extends it. */
export const sharedEnvironmentSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default(DEFAULT_DATABASE_URL),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default(DEFAULT_REDIS_URL),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . and - only, at most 64')
    .default(DEFAULT_REDIS_PREFIX),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

/** The environment could not be turned into a config; `problems` names every variable that is wrong. */
export class EnvironmentError extends Error {
  readonly problems: string[];
  constructor(component: string, problems: string[]) {
    super(`the ${component}'s environment is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvironmentError';
    this.problems = problems;
  }
}

/** parseEnvironment, throwing an EnvironmentError that lists every problem. */
export function loadEnvironment<Schema extends z.ZodType>(
  component: string,
  schema: Schema,
  environment: Record<string, string | undefined>,
): z.output<Schema> {
  const parsed = parseEnvironment(schema, environment);
  if (!parsed.ok) throw new EnvironmentError(component, parsed.problems);
  return parsed.data;
}

/** DATABASE_URL as a test or tool sees it: the variable if set and not empty, else the default. */
export function databaseUrlFrom(environment: Record<string, string | undefined>): string {
  return environment['DATABASE_URL'] || DEFAULT_DATABASE_URL;
}
