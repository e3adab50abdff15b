export * from './verdict.ts';
export * from './manifest.ts';
export * from './result.ts';
