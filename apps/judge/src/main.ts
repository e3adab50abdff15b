// The judge worker process: `node apps/judge/src/main.ts`, configured by environment variables (config.ts).
import { EnvironmentError } from '@oj/shared';
import { loadJudgeConfig, type JudgeConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startJudgeWorker } from './worker.ts';

let config: JudgeConfig;
try {
  config = loadJudgeConfig();
} catch (error) {
  if (!(error instanceof EnvironmentError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
const worker = await startJudgeWorker(config, { logger }).catch((error: unknown) => {
  logger.error('could not start', { error });
  process.exit(1);
});

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) {
    logger.warn('stopping now, without waiting for the jobs in progress', { signal });
    process.exit(1);
  }
  stopping = true;
  logger.info('stopping: finishing the jobs in progress', { signal, shutdownTimeoutMs: config.shutdownTimeoutMs });
  // Past the deadline the jobs still running are left to their locks: they expire, and the jobs come back
  // as stalled to another worker, as if this one had been killed.
  const deadline = setTimeout(() => {
    logger.error('shutdown deadline passed: stopping with jobs in progress', {
      shutdownTimeoutMs: config.shutdownTimeoutMs,
    });
    process.exit(1);
  }, config.shutdownTimeoutMs);
  worker.close().then(
    () => {
      clearTimeout(deadline);
      process.exit(0);
    },
    (error: unknown) => {
      logger.error('could not stop cleanly', { error });
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
