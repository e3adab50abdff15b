export * from './checkers/index.ts';
export * from './scoring.ts';
export * from './judge.ts';
export * from './language/compile.ts';
export * from './package/load.ts';
export * from './package/verify.ts';
export * from './sandbox/runner.ts';
export * from './sandbox/pool.ts';
