import type { LogLevel } from './config.ts';

type Fields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function describeError(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

/** One JSON object per line on stderr, so log collectors can parse it and stdout stays free. */
export function createLogger(level: LogLevel, base: Fields = {}): Logger {
  const write = (entryLevel: Exclude<LogLevel, 'silent'>, message: string, fields: Fields = {}): void => {
    if (RANK[entryLevel] < RANK[level]) return;
    const entry: Fields = { time: new Date().toISOString(), level: entryLevel, message, ...base };
    for (const [key, value] of Object.entries(fields)) entry[key] = describeError(value);
    process.stderr.write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
