// The manifest of a version whose tests were replaced by an uploaded zip of tests: what follows the new tests
// by itself, so the common case (one subtask holding every test) needs no edit. Pure.

/** Test ids (file stems) of the files of a tests zip, in natural order. */
export function testIdsOf(files: string[]): string[] {
  const ids = new Set(files.map((file) => file.replace(/\.(in|out|json)$/, '')));
  return [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * The base manifest fitted to the new tests: a lone subtask holds every test; several subtasks keep their
 * tests that still exist (new tests must then be placed by the setter; the package loader says which);
 * samples keep the ones that still exist, else the first test; per-test limits of gone tests are dropped.
 */
export function manifestForTests(manifest: Record<string, unknown>, testIds: string[]): Record<string, unknown> {
  const present = new Set(testIds);
  const fitted: Record<string, unknown> = { ...manifest };
  const subtasks = Array.isArray(manifest['subtasks']) ? (manifest['subtasks'] as Record<string, unknown>[]) : [];
  fitted['subtasks'] =
    subtasks.length === 1
      ? [{ ...subtasks[0], tests: testIds }]
      : subtasks.map((subtask) => ({
          ...subtask,
          tests: (Array.isArray(subtask['tests']) ? (subtask['tests'] as string[]) : []).filter((id) =>
            present.has(id),
          ),
        }));
  const samples = (Array.isArray(manifest['samples']) ? (manifest['samples'] as string[]) : []).filter((id) =>
    present.has(id),
  );
  fitted['samples'] = samples.length > 0 ? samples : testIds.slice(0, 1);
  const testLimits = manifest['testLimits'];
  if (testLimits && typeof testLimits === 'object') {
    const kept = Object.fromEntries(Object.entries(testLimits).filter(([id]) => present.has(id)));
    if (Object.keys(kept).length > 0) fitted['testLimits'] = kept;
    else delete fitted['testLimits'];
  }
  return fitted;
}
