export * from './verdict.ts';
export * from './manifest.ts';
export * from './result.ts';
export * from './progress.ts';
export * from './api.ts';
export * from './errors.ts';
export * from './starter.ts';
export * from './environment.ts';
