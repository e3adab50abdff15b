// After `stryker run` (npm run test:mutation): prints the mutation score of every mutated file from
// Stryker's JSON report and fails when any file is below the goal, since Stryker's own `break`
// threshold looks only at the total.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const GOAL_PERCENT = 85;
const REPORT = path.resolve(import.meta.dirname, '..', 'reports/mutation/mutation.json');

interface Mutant {
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
const rows = Object.entries(report.files)
  .map(([file, { mutants }]) => {
    const count = (...statuses: Mutant['status'][]) =>
      mutants.filter((mutant) => statuses.includes(mutant.status)).length;
    const detected = count('Killed', 'Timeout');
    // Stryker's score: mutants that compile and run; one no test reaches counts as survived.
    const valid = detected + count('Survived', 'NoCoverage');
    return { file, detected, valid, score: valid === 0 ? 100 : (100 * detected) / valid };
  })
  .sort((first, second) => first.file.localeCompare(second.file));

const width = Math.max(...rows.map((row) => row.file.length));
console.log(`${'file'.padEnd(width)}  score   killed/valid`);
for (const row of rows) {
  console.log(`${row.file.padEnd(width)}  ${row.score.toFixed(2).padStart(6)}  ${row.detected}/${row.valid}`);
}
const total = rows.reduce((sum, row) => ({ detected: sum.detected + row.detected, valid: sum.valid + row.valid }), {
  detected: 0,
  valid: 0,
});
console.log(
  `${'all'.padEnd(width)}  ${((100 * total.detected) / total.valid).toFixed(2).padStart(6)}  ${total.detected}/${total.valid}`,
);

const below = rows.filter((row) => row.score < GOAL_PERCENT);
if (below.length > 0) {
  console.error(`\nbelow the goal of ${GOAL_PERCENT}%: ${below.map((row) => row.file).join(', ')}`);
  process.exit(1);
}
