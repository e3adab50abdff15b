export { loadJudgeConfig, type JudgeConfig, type LogLevel } from './config.ts';
export { createLogger, type Logger } from './logger.ts';
export { startJudgeWorker, type JudgeWorkerHandle, type JudgeWorkerOptions } from './worker.ts';
export { reconcileOverdueSubmissions, type ReconcileReport, type ReconcilerDependencies } from './reconciler.ts';
export { runCode, MAX_RUN_OUTPUT_CHARS, type RunCodeRequest } from './run-code.ts';
