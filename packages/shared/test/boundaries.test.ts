// The layer rules of eslint.config.mjs (docs/architecture.md, "The parts and their arrows") catch what they
// are for: each case lints a few import lines as if they were a real file of the layer.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });
const BOUNDARY_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-globals']);

async function boundaryProblems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((message) => BOUNDARY_RULES.has(message.ruleId ?? ''))
    .map((message) => message.message);
}

const cases: { file: string; source: string; refused: boolean }[] = [
  // Prisma only in repositories and infra/.
  { file: 'apps/api/src/problems/problems.service.ts', source: "import { Prisma } from '@oj/db';", refused: true },
  {
    file: 'apps/api/src/problems/problems.service.ts',
    source: "import type { Problem } from '@oj/db';",
    refused: false,
  },
  {
    file: 'apps/api/src/problems/problems.service.ts',
    source: "import { hashPassword } from '@oj/db/password';",
    refused: false,
  },
  { file: 'apps/api/src/problems/problem.repository.ts', source: "import { Prisma } from '@oj/db';", refused: false },
  { file: 'apps/api/src/infra/database-errors.ts', source: "import { Prisma } from '@oj/db';", refused: false },
  { file: 'apps/judge/src/reconciler.ts', source: "import { PrismaClient } from '@prisma/client';", refused: true },
  // Judging, scoring and checkers are pure.
  { file: 'packages/judge-core/src/scoring.ts', source: "import { readFileSync } from 'node:fs';", refused: true },
  { file: 'packages/judge-core/src/checkers/lines.ts', source: "import { Queue } from 'bullmq';", refused: true },
  { file: 'packages/judge-core/src/judge.ts', source: "import { Injectable } from '@nestjs/common';", refused: true },
  {
    file: 'packages/judge-core/src/judge.ts',
    source: "import { SandboxPool } from './sandbox/pool.ts';",
    refused: true,
  },
  { file: 'packages/judge-core/src/judge.ts', source: "import { verdictSchema } from '@oj/shared';", refused: false },
  {
    file: 'packages/judge-core/src/sandbox/pool.ts',
    source: "import { fork } from 'node:child_process';",
    refused: false,
  },
  // The web imports only @oj/shared.
  { file: 'apps/web/src/lib/format.ts', source: "import { judgeSubmission } from '@oj/judge-core';", refused: true },
  { file: 'apps/web/src/lib/format.ts', source: "import { redisKeys } from '@oj/queue';", refused: true },
  { file: 'apps/web/src/lib/format.ts', source: "import { verdictSchema } from '@oj/shared';", refused: false },
  // Apps never import each other.
  { file: 'apps/api/src/app.ts', source: "import { startJudgeWorker } from '@oj/judge';", refused: true },
  {
    file: 'apps/api/src/app.ts',
    source: "import { startJudgeWorker } from '../../judge/src/worker.ts';",
    refused: true,
  },
  {
    file: 'apps/judge/src/worker.ts',
    source: "import { loadConfig } from '../../api/src/config/config.ts';",
    refused: true,
  },
  { file: 'apps/api/src/app.ts', source: "import { redisKeys } from '@oj/queue';", refused: false },
  // Code inside the sandbox isolate has no Node globals.
  { file: 'packages/judge-core/src/sandbox/runtime/isolate/state.mjs', source: 'process.exit(1);', refused: true },
  { file: 'packages/judge-core/src/sandbox/runtime/isolate/state.mjs', source: "console.log('x');", refused: true },
  { file: 'packages/judge-core/src/sandbox/runtime/isolate/state.mjs', source: 'const queue = [];', refused: false },
  // Packages below the apps import no app.
  { file: 'packages/queue/src/keys.ts', source: "import { createPrismaClient } from '@oj/db';", refused: true },
  { file: 'packages/shared/src/api.ts', source: "import { redisKeys } from '@oj/queue';", refused: true },
];

describe('the layer boundaries', () => {
  it.each(cases)('$file: $source (refused: $refused)', async ({ file, source, refused }) => {
    const problems = await boundaryProblems(file, source);
    if (refused) expect(problems, `${file} should refuse ${source}`).not.toEqual([]);
    else expect(problems).toEqual([]);
  });
});
