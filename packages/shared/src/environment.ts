import type { z } from 'zod';

export type EnvironmentParse<T> = { ok: true; data: T } | { ok: false; problems: string[] };

/**
 * Validates environment variables against a schema, once, at start. An empty variable counts as unset
 * (as in `VAR= command` or compose files passing `${VAR:-}`), and every problem is listed, not just the first.
 */
export function parseEnvironment<Schema extends z.ZodType>(
  schema: Schema,
  environment: Record<string, string | undefined>,
): EnvironmentParse<z.output<Schema>> {
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''));
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
