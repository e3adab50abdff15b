#!/usr/bin/env node
// Static checks of the built-in problem packages (no solution is run):
// manifest schema, tests <-> subtasks/samples, files present, sizes.
//   node problems/_tools/check.mjs [problemDir ...]     (default: every problems/* package)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problemManifestSchema } from '@oj/shared';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs =
  process.argv.length > 2
    ? process.argv.slice(2).map((d) => resolve(d))
    : readdirSync(root)
        .filter((d) => existsSync(join(root, d, 'problem.yaml')))
        .map((d) => join(root, d));

let failures = 0;
for (const dir of dirs) {
  const problems = [];
  const fail = (message) => problems.push(message);
  const manifest = problemManifestSchema.parse(parse(readFileSync(join(dir, 'problem.yaml'), 'utf8')));
  if (manifest.slug !== dir.split('/').pop()) fail(`slug ${manifest.slug} differs from the folder name`);
  for (const file of ['statement.md', 'generator/gen.mjs']) if (!existsSync(join(dir, file))) fail(`missing ${file}`);

  const files = readdirSync(join(dir, 'tests'));
  const ids = [...new Set(files.map((f) => f.replace(/\.(in|out|json)$/, '')))].sort();
  let bytes = 0;
  for (const id of ids) {
    if (manifest.style === 'stdio') {
      if (!files.includes(`${id}.in`) || !files.includes(`${id}.out`)) fail(`test ${id}: needs ${id}.in and ${id}.out`);
    } else {
      if (!files.includes(`${id}.json`)) fail(`test ${id}: needs ${id}.json`);
      else {
        const test = JSON.parse(readFileSync(join(dir, 'tests', `${id}.json`), 'utf8'));
        if (
          !Array.isArray(test.args) ||
          test.args.length !== manifest.function.params.length ||
          !('expected' in test)
        ) {
          fail(`test ${id}: wants {"args": [${manifest.function.params.length} values], "expected": ...}`);
        }
      }
    }
  }
  for (const f of files) bytes += statSync(join(dir, 'tests', f)).size;
  if (bytes > 8.5e6) fail(`tests/ holds ${(bytes / 1e6).toFixed(1)} MB`);

  const inSubtask = new Set(manifest.subtasks.flatMap((s) => s.tests));
  for (const id of ids) if (!inSubtask.has(id)) fail(`test ${id} is in no subtask`);
  for (const id of inSubtask) if (!ids.includes(id)) fail(`subtask names missing test ${id}`);
  for (const id of manifest.samples) if (!ids.includes(id)) fail(`sample ${id} is not a test`);
  const total = manifest.subtasks.reduce((sum, s) => sum + s.score, 0);
  if (total !== 100) fail(`subtask scores add up to ${total}`);
  for (const s of manifest.solutions) if (!existsSync(join(dir, s.file))) fail(`missing solution ${s.file}`);
  const listed = new Set(manifest.solutions.map((s) => s.file));
  for (const f of readdirSync(join(dir, 'solutions')))
    if (!listed.has(`solutions/${f}`)) fail(`solutions/${f} is not in the manifest`);

  console.log(
    `${manifest.slug}: ${ids.length} tests, ${(bytes / 1e6).toFixed(2)} MB, ${manifest.solutions.length} solutions${problems.length ? '' : ', ok'}`,
  );
  for (const p of problems) console.log(`  ! ${p}`);
  failures += problems.length;
}
process.exitCode = failures ? 1 : 0;
