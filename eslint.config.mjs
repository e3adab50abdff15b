import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import prettierConfig from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layers (docs/architecture.md). ESLint applies only the last matching block's options of a rule,
// so each file belongs to exactly one boundary block below, which lists every restriction for it.
const nodeBuiltins = { regex: '^node:|^(fs|path|os|child_process|worker_threads|net|http|https|crypto|process)(/|$)' };
const services = ['@prisma/*', '@oj/db', '@oj/db/*', 'bullmq', 'ioredis', '@nestjs/*', 'isolated-vm'];
const otherWorkspaces = (allowed) => ({
  group: ['@oj/*', ...allowed.map((name) => `!@oj/${name}`), ...allowed.map((name) => `!@oj/${name}/*`)],
  message: `this layer may import only ${allowed.length ? allowed.map((name) => `@oj/${name}`).join(', ') : 'no other workspace'}`,
});
const intoAnApp = {
  regex: '(^|/)\\.\\./(\\.\\./)*(apps/)?(api|judge|web)/(src|test|e2e)/',
  message: 'apps never import each other',
};
const otherApps = (self) => ({
  group: ['@oj/api', '@oj/web', '@oj/judge', '@oj/judge/*'].filter((name) => !name.startsWith(`@oj/${self}`)),
  message: 'apps never import each other: share through packages/',
});
// `@oj/db` is the Prisma client; its subpaths (`@oj/db/password`, `/migrations`, `/seed`) are not.
const prismaOutsideRepositories = {
  regex: '^(@oj/db|@prisma/.*)$',
  allowTypeImports: true,
  message: 'only repositories and infra/ touch Prisma (type imports of row types are fine)',
};

function boundary(files, patterns, ignores = []) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
    },
  };
}

// Files of the apps that may use the Prisma client itself: repositories, infra/, the judge's
// content-addressed stores, and the judge's composition root that creates the client.
const apiPrismaAllowed = ['apps/api/**/*.repository.ts', 'apps/api/src/infra/**', 'apps/api/test/**'];
const judgePrismaAllowed = [
  'apps/judge/src/*-repository.ts',
  'apps/judge/src/store/**',
  'apps/judge/src/worker.ts',
  'apps/judge/test/**',
];
const pureJudging = [
  'packages/judge-core/src/judge.ts',
  'packages/judge-core/src/scoring.ts',
  'packages/judge-core/src/checkers/**',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '.node/**',
      '**/coverage/**',
      'problems/**',
      'artifacts/**',
      'reports/**',
      '.stryker-tmp/**',
      'packages/db/src/generated/**',
      'apps/web/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
    },
    settings: { next: { rootDir: 'apps/web' } },
  },

  // Boundaries. One block per layer, disjoint by construction.
  boundary(['packages/shared/**/*.ts'], [otherWorkspaces([]), intoAnApp]),
  boundary(['packages/queue/**/*.ts'], [otherWorkspaces(['shared']), intoAnApp]),
  boundary(pureJudging, [
    otherWorkspaces(['shared']),
    intoAnApp,
    { ...nodeBuiltins, message: 'judging, scoring and checkers are pure: the runner and the store are passed in' },
    { group: services, message: 'judging, scoring and checkers are pure: no services' },
    { regex: '/sandbox/(pool|child)(\\.ts)?$', message: 'the judge receives its sandbox runner as an argument' },
  ]),
  boundary(['packages/judge-core/**/*.ts'], [otherWorkspaces(['shared']), intoAnApp], pureJudging),
  boundary(['packages/db/**/*.ts'], [otherWorkspaces(['shared', 'judge-core']), intoAnApp]),
  boundary(['apps/web/**/*.ts', 'apps/web/**/*.tsx'], [otherWorkspaces(['shared']), intoAnApp]),
  boundary(['apps/api/**/*.ts'], [otherApps('api'), intoAnApp, prismaOutsideRepositories], apiPrismaAllowed),
  boundary(apiPrismaAllowed, [otherApps('api'), intoAnApp]),
  boundary(['apps/judge/**/*.ts'], [otherApps('judge'), intoAnApp, prismaOutsideRepositories], judgePrismaAllowed),
  boundary(judgePrismaAllowed, [otherApps('judge'), intoAnApp]),

  {
    // Node scripts and configs.
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Code that runs inside the sandbox isolate (bundled into one script by runtime/bundle.ts): ES
    // modules with no Node globals, after the block above so that its process and console do not apply.
    files: ['packages/judge-core/src/sandbox/runtime/isolate/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { globalThis: 'readonly' } },
    rules: {
      'no-restricted-globals': [
        'error',
        'process',
        'console',
        'require',
        'Buffer',
        'setTimeout',
        'setInterval',
        'setImmediate',
      ],
    },
  },
  // Formatting is Prettier's (checked by `npm run format:check`); turn off the rules that disagree with it.
  prettierConfig,
);
