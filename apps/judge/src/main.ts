// The judge worker process: `node apps/judge/src/main.ts`, configured by environment variables (config.ts).
import { ConfigError, loadJudgeConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startJudgeWorker } from './worker.ts';

let config;
try {
  config = loadJudgeConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const logger = createLogger(config.logLevel, { service: 'judge', pid: process.pid });
const worker = await startJudgeWorker(config, { logger }).catch((error: unknown) => {
  console.error(`judge: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) {
    logger.warn('stopping now, without waiting for the jobs in progress', { signal });
    process.exit(1);
  }
  stopping = true;
  logger.info('stopping: finishing the jobs in progress', { signal });
  worker.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error('could not stop cleanly', { error });
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
