#!/usr/bin/env node
// The `oj` command: judge a solution locally, verify problem packages, import and export package zips.
// Needs no services.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  isSkippedTest,
  judgeResultSchema,
  LANGUAGE_BY_EXTENSION,
  VERDICT_TEXT,
  type JudgeResult,
  type TestResult,
} from '@oj/shared';
import { judgeSubmission } from '../judge.ts';
import { ArchiveError, exportPackageZip } from '../package/archive.ts';
import { importAnyZip } from '../package/import.ts';
import {
  BUILT_IN_PROBLEMS_DIR,
  findProblemFolders,
  loadProblemPackage,
  PackageError,
  type ProblemPackage,
} from '../package/load.ts';
import { describeAdvice } from '../package/time-limit.ts';
import { adviseFromChecks, verifyPackageFully } from '../package/verify.ts';
import { SandboxPool } from '../sandbox/pool.ts';

const USAGE = `usage:
  oj judge <problemDir> <solutionFile> [--json]   judge one solution (.js or .ts)
  oj verify [problemDir...] [--repeat N]         validate every package's test inputs, run its reference solutions (default: problems/*)
  oj import <zipFile> <outDir> [--json]           unpack a package zip (ours, or Hydro's: one folder per problem) into a new folder, checked as an upload is
  oj export <problemDir> <zipFile>                write the package as a zip (the same bytes every time)`;

class UsageError extends Error {}

/** npm runs scripts from the repository root; paths the user typed are relative to where they typed them. */
const userDirectory = process.env.INIT_CWD ?? process.cwd();
const fromUser = (file: string): string => path.resolve(userDirectory, file);

function formatResultTable(result: JudgeResult): string {
  const lines: string[] = [];
  if (result.compileMessage) lines.push(`Compile error:\n${result.compileMessage}`);
  if (result.tests.length > 0) {
    lines.push(`${'test'.padEnd(8)}${'verdict'.padEnd(9)}${'time'.padStart(9)}${'memory'.padStart(11)}  message`);
    for (const test of result.tests) {
      if (isSkippedTest(test)) {
        lines.push(
          `${test.id.padEnd(8)}${'SKIP'.padEnd(9)}${'-'.padStart(9)}${'-'.padStart(11)}  not run: its subtask has already failed`,
        );
        continue;
      }
      const message = (test.message ?? '').replace(/\s+/g, ' ').slice(0, 100);
      lines.push(
        `${test.id.padEnd(8)}${test.verdict.padEnd(9)}${`${test.timeMs} ms`.padStart(9)}${`${(test.memoryKb / 1024).toFixed(1)} MB`.padStart(11)}  ${message}`,
      );
    }
    for (const subtask of result.subtasks) {
      lines.push(`subtask ${subtask.id}: ${subtask.score}/${subtask.maxScore} (${subtask.verdict})`);
    }
  }
  lines.push(`${result.verdict} (${VERDICT_TEXT[result.verdict]}), score ${result.score}/${result.maxScore}`);
  return lines.join('\n');
}

/**
 * What `oj judge --json` prints: the shared result contract (judgeResultSchema), with each test cut to
 * the fields docs/architecture.md lists (a skipped test keeps its status, since its verdict is null).
 */
function jsonResult(result: JudgeResult): JudgeResult {
  const tests = result.tests.map((test): TestResult =>
    isSkippedTest(test)
      ? { id: test.id, status: test.status, verdict: null, timeMs: 0, memoryKb: 0 }
      : {
          id: test.id,
          verdict: test.verdict,
          timeMs: test.timeMs,
          memoryKb: test.memoryKb,
          ...(test.message ? { message: test.message } : {}),
        },
  );
  return judgeResultSchema.parse({
    verdict: result.verdict,
    score: result.score,
    maxScore: result.maxScore,
    tests,
    subtasks: result.subtasks,
    ...(result.compileMessage ? { compileMessage: result.compileMessage } : {}),
    timeMs: result.timeMs,
    memoryKb: result.memoryKb,
  });
}

async function judgeCommand(positionals: string[], json: boolean): Promise<number> {
  if (positionals.length !== 2) throw new UsageError('judge needs a problem folder and a solution file');
  const [problemDir, solutionFile] = positionals.map(fromUser) as [string, string];
  const language = LANGUAGE_BY_EXTENSION[path.extname(solutionFile)];
  if (!language) throw new UsageError(`cannot tell the language of ${solutionFile}: use .js or .ts`);
  const source = await readFile(solutionFile, 'utf8').catch(() => {
    throw new UsageError(`cannot read ${solutionFile}`);
  });
  const problem = await loadProblemPackage(problemDir);
  const pool = new SandboxPool();
  try {
    const result = await judgeSubmission(
      { problem, source, language, sandboxKey: `cli:${process.pid}` },
      { runner: pool, concurrency: pool.size },
    );
    if (json) {
      process.stdout.write(`${JSON.stringify(jsonResult(result))}\n`);
    } else {
      process.stdout.write(`${formatResultTable(result)}\n`);
    }
    return 0;
  } finally {
    await pool.close();
  }
}

async function problemFolders(positionals: string[]): Promise<string[]> {
  if (positionals.length > 0) return positionals.map(fromUser);
  return findProblemFolders(BUILT_IN_PROBLEMS_DIR);
}

async function verifyCommand(positionals: string[], repeat: number): Promise<number> {
  const folders = await problemFolders(positionals);
  if (folders.length === 0) throw new UsageError('no problem packages found');
  const pool = new SandboxPool();
  let unsound = 0;
  let broken = 0;
  try {
    for (const folder of folders) {
      try {
        const problem = await loadProblemPackage(folder);
        process.stdout.write(
          `${problem.manifest.slug} (${problem.testIds.length} tests${problem.validatorCode !== undefined ? ', validator.js' : ''})\n`,
        );
        if (problem.manifest.solutions.length === 0) {
          process.stdout.write(
            '  FAIL no reference solutions: nothing to verify, so the package is not sound (add solutions/ and list them in problem.yaml)\n',
          );
          unsound++;
          continue;
        }
        for (let round = 1; round <= repeat; round++) {
          const verification = await verifyPackageFully(problem, pool, {
            concurrency: pool.size,
            onSolution: (check) => {
              const slowest = check.result.timeMs;
              const mark = check.ok ? 'ok  ' : 'FAIL';
              const round_ = repeat > 1 ? ` [run ${round}/${repeat}]` : '';
              process.stdout.write(
                `  ${mark} ${check.file.padEnd(28)} expected ${check.expected.padEnd(4)} got ${check.actual.padEnd(4)} slowest test ${slowest} ms${round_}\n`,
              );
              if (!check.ok) {
                const firstBad = check.result.tests.find(
                  (test) => !isSkippedTest(test) && test.verdict !== check.expected && test.verdict !== 'AC',
                );
                const detail =
                  check.result.compileMessage ??
                  (firstBad ? `test ${firstBad.id}: ${firstBad.verdict} ${firstBad.message ?? ''}` : '');
                if (detail) process.stdout.write(`       ${detail.slice(0, 300)}\n`);
              }
            },
          });
          for (const invalid of verification.invalidInputs) {
            const what = invalid.status === 'rejected' ? 'input rejected by validator.js' : 'validator.js failed';
            process.stdout.write(`  FAIL test ${invalid.test}: ${what}: ${invalid.reason}\n`);
          }
          if (verification.invalidInputs.length > 0)
            process.stdout.write('       reference solutions not run: fix the tests (or validator.js) first\n');
          if (!verification.sound) unsound++;
          else if (round === repeat) {
            const advice = await adviseFromChecks(problem, verification.solutions, pool, { concurrency: pool.size });
            process.stdout.write(`  time limit: ${describeAdvice(advice)}\n`);
            for (const warning of advice.warnings) process.stdout.write(`  warning: ${warning}\n`);
          }
        }
      } catch (error) {
        if (!(error instanceof PackageError)) throw error;
        process.stderr.write(`${error.message}\n`);
        broken++;
      }
    }
  } finally {
    await pool.close();
  }
  // A package that cannot be loaded (2) weighs more than one that loads but is wrong (1).
  if (broken > 0) {
    process.stderr.write(`oj verify: ${broken} package(s) could not be loaded\n`);
    return 2;
  }
  if (unsound > 0) {
    process.stderr.write(
      `oj verify: ${unsound} package run(s) are not sound: a package has no reference solution, a test input was rejected by validator.js, or a reference solution did not get its expected verdict\n`,
    );
    return 1;
  }
  process.stdout.write(`all ${folders.length} package(s) sound\n`);
  return 0;
}

/** What `oj import` tells about a package it made. */
function packageSummary(problem: ProblemPackage) {
  const { manifest } = problem;
  return {
    dir: problem.dir,
    slug: manifest.slug,
    title: manifest.title,
    style: manifest.style,
    tests: problem.testIds.length,
    samples: manifest.samples,
    subtasks: manifest.subtasks.map((subtask) => ({
      id: subtask.id,
      score: subtask.score,
      tests: subtask.tests.length,
      ...(subtask.limits ? { limits: subtask.limits } : {}),
    })),
    limits: manifest.limits,
    testLimits: Object.keys(manifest.testLimits ?? {}).length,
    checker: manifest.checker.type,
    solutions: manifest.solutions.length,
  };
}

async function importCommand(args: string[], json: boolean): Promise<number> {
  const [zipFile, outDir] = args;
  if (!zipFile || !outDir || args.length > 2) throw new UsageError('import needs <zipFile> and <outDir>');
  const { format, packages } = await importAnyZip(fromUser(zipFile), fromUser(outDir));
  const made = packages.map(({ problem, notes }) => ({ ...packageSummary(problem), notes }));
  if (json) {
    process.stdout.write(`${JSON.stringify({ format, packages: made })}\n`);
    return 0;
  }
  const lines: string[] = [];
  if (format === 'hydro') lines.push(`imported ${made.length} Hydro problem(s) into ${outDir}`);
  for (const summary of made) {
    const { limits } = summary;
    const folder = format === 'hydro' ? path.join(outDir, path.basename(summary.dir)) : outDir;
    lines.push(
      `imported ${summary.slug} (${summary.title}) into ${folder}`,
      `  style ${summary.style}, checker ${summary.checker}, ${summary.tests} tests (samples: ${summary.samples.join(', ') || 'none'}), ${summary.solutions} reference solution(s)`,
      `  limits: ${limits.timeMs} ms, ${limits.memoryMb} MB memory, ${limits.stackMb} MB stack, ${limits.outputKb} KB output`,
      ...summary.subtasks.map(
        (subtask) =>
          `  subtask ${subtask.id}: ${subtask.score} points, ${subtask.tests} tests${subtask.limits ? ` (${describeOverride(subtask.limits)})` : ''}`,
      ),
      ...(summary.testLimits > 0 ? [`  ${summary.testLimits} test(s) with their own limits (testLimits)`] : []),
      ...summary.notes.map((note) => `  note: ${note}`),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function describeOverride(limits: { timeMs?: number; memoryMb?: number }): string {
  return [
    ...(limits.timeMs !== undefined ? [`${limits.timeMs} ms`] : []),
    ...(limits.memoryMb !== undefined ? [`${limits.memoryMb} MB`] : []),
  ].join(', ');
}

async function exportCommand(args: string[]): Promise<number> {
  const [problemDir, zipFile] = args;
  if (!problemDir || !zipFile || args.length > 2) throw new UsageError('export needs <problemDir> and <zipFile>');
  const { files } = await exportPackageZip(fromUser(problemDir), fromUser(zipFile));
  process.stdout.write(`wrote ${zipFile}: ${files.length} files\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      repeat: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  switch (command) {
    case 'judge':
      return judgeCommand(rest, values.json);
    case 'import':
      return importCommand(rest, values.json);
    case 'export':
      return exportCommand(rest);
    case 'verify': {
      const repeat = Number(values.repeat);
      if (!Number.isInteger(repeat) || repeat < 1 || repeat > 100)
        throw new UsageError('--repeat takes a whole number from 1 to 100');
      return verifyCommand(rest, repeat);
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`oj: ${error.message}\n${USAGE}\n`);
    else if (error instanceof PackageError || error instanceof ArchiveError)
      process.stderr.write(`oj: ${error.message}\n`);
    else if (
      error instanceof Error &&
      error.name === 'TypeError' &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`oj: ${error.message}\n${USAGE}\n`);
    } else process.stderr.write(`oj: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
