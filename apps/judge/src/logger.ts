import { pino } from 'pino';
import type { LogLevel } from '@oj/shared';

type Fields = Record<string, unknown>;

/** The judge's logging calls: a message, then fields. */
export interface Logger {
  trace(message: string, fields?: Fields): void;
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

/**
 * pino, as the API logs: one JSON object per line with `level`, `time`, `msg`, `service` and `pid`, errors
 * under `err`. The judge writes to stderr, so stdout stays free for a CLI's result.
 */
export function createLogger(level: LogLevel, base: Fields = {}): Logger {
  const logger = pino(
    { level, base: { service: 'oj-judge', pid: process.pid, ...base }, serializers: { err: pino.stdSerializers.err } },
    pino.destination({ fd: 2, sync: true }),
  );
  const at =
    (method: 'trace' | 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields: Fields = {}): void => {
      const { error, ...rest } = fields;
      if (error instanceof Error) logger[method]({ ...rest, err: error }, message);
      else logger[method](error === undefined ? rest : { ...rest, error }, message);
    };
  return { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
