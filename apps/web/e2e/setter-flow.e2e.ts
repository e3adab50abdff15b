// A problem setter's whole day in a real browser: a new stdio problem made from nothing (statement, three
// tests, one sample, an accepted and a wrong reference solution), saved, checked sound, published and
// solved by a learner; then a version with a wrong expected output is unsound and cannot be published;
// fixed (with an extra test that the learner's naive reading of the input fails), it is sound again,
// published and rejudged, and the learner's submission shows up among the changed verdicts. Hostile input
// on the pages (a slug with NUL or "..", a solution path leading out, a huge limit) gets the API's answer
// on the page, never a crash. A zip of tests replaces the tests as a new version; a zip with a readme in it
// is refused with every reason, and nothing changes. Screenshots at 1440 and 375 px: artifacts/e2e/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { buildZip } from '../../../packages/judge-core/test/support/zip.ts';
import { baseUrl, DESKTOP, horizontalOverflow, launchBrowser, PHONE, screenshot, setEditorCode } from './browser.ts';

const admin = { username: process.env.E2E_ADMIN_USERNAME ?? '', password: process.env.E2E_ADMIN_PASSWORD ?? '' };
const run = Date.now().toString(36);
const slug = `e2e-add-${run}`;
const setterName = `e2e_setter_${run}`;
const learnerName = `e2e_learner_${run}`;
const PASSWORD = 'correct-horse-battery';

const STATEMENT = `## Description

Read two integers $a$ and $b$ and print their sum $a + b$.

$$|a|, |b| \\le 10^9$$

## Input format

The two integers, separated by whitespace.

## Output format

One integer: $a + b$.
`;
const AC_SOLUTION = `const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);
console.log(a + b);
`;
const WA_SOLUTION = `const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);
console.log(a - b);
`;
/** Reads "a b" on one line only: right for the first three tests, wrong for the fourth (one number per line). */
const NAIVE_LEARNER = `const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
console.log(a + b);
`;

async function signUp(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl()}/signup`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByTestId('current-user').waitFor();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/signin`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Both widths, and nothing sideways at the phone's. */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  assert.equal(await horizontalOverflow(page), 0, `${name}: nothing overflows at 375 px`);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByTestId(`tab-${name}`).click();
  await page.locator(`#panel-${name}`).waitFor();
}

async function addTest(page: Page, input: string, output: string): Promise<void> {
  await page.getByTestId('add-test').click();
  await page.getByTestId('test-input').fill(input);
  await page.getByTestId('test-output').fill(output);
  await page.getByTestId('test-done').click();
  await page.getByTestId('test-form').waitFor({ state: 'detached' });
}

async function editTest(page: Page, id: string, output: string): Promise<void> {
  await page.locator(`[data-testid=test-row][data-test="${id}"]`).locator('[data-testid=edit-test]:visible').click();
  await page.getByTestId('test-output').fill(output);
  await page.getByTestId('test-done').click();
  await page.getByTestId('test-form').waitFor({ state: 'detached' });
}

async function addSolution(page: Page, name: string, expect: string, code: string): Promise<void> {
  await page.getByTestId('add-solution').click();
  const form = page.getByTestId('solution-form');
  await form.getByTestId('solution-name').fill(name);
  await form.getByTestId('solution-expect').selectOption(expect);
  await form.locator('.cm-content').waitFor({ state: 'visible', timeout: 30_000 });
  await setEditorCode(page, code);
  await form.getByTestId('solution-done').click();
  await form.waitFor({ state: 'detached' });
}

/** Saves, lands on the new version's check and waits until it has finished; returns whether it is sound. */
async function saveAndCheck(page: Page): Promise<{ sound: string | null; version: string }> {
  const viewed = page.getByTestId('viewed-version');
  const before = (await viewed.count()) > 0 ? (await viewed.innerText()).trim() : '';
  await page.getByTestId('save').click();
  await page.waitForFunction(
    (previous) =>
      new URLSearchParams(window.location.search).get('tab') === 'check' &&
      (document.querySelector('[data-testid=viewed-version]')?.textContent?.trim() ?? previous) !== previous,
    before,
    { timeout: 30_000 },
  );
  await page.locator('[data-testid=verification][data-status=finished]').waitFor({ timeout: 120_000 });
  return {
    sound: await page.locator('[data-testid=verification] [data-testid=sound-badge]').getAttribute('data-sound'),
    version: (await viewed.innerText()).trim(),
  };
}

async function cellVerdicts(table: Locator): Promise<string[]> {
  return table
    .locator('[data-testid=verification-cell] [data-verdict]')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-verdict') ?? ''));
}

void describe(
  "a setter's problem from nothing to a rejudge",
  { skip: admin.password === '' ? 'no E2E_ADMIN_PASSWORD' : false },
  () => {
    let browser: Browser;
    let setterContext: BrowserContext;
    let setter: Page;
    let learner: Page;
    let learnerSubmission = 0;

    before(async () => {
      browser = await launchBrowser();
      // A fresh account, made a setter by the admin on the admin page.
      setterContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
      setter = await setterContext.newPage();
      setter.setDefaultTimeout(30_000);
      // The confirmations (delete a test, a solution) and the unsaved-changes prompt are answered yes.
      setter.on('dialog', (dialog) => void dialog.accept());
      await signUp(setter, setterName);
      const adminPage = await (await browser.newContext({ viewport: DESKTOP, locale: 'en-US' })).newPage();
      await signIn(adminPage, admin.username, admin.password);
      await adminPage.goto(`${baseUrl()}/admin/users?search=${setterName}`);
      await adminPage.getByLabel(`Role of ${setterName}`).selectOption('setter');
      await adminPage
        .getByRole('status')
        .filter({ hasText: `Saved ${setterName}` })
        .waitFor();
      await adminPage.context().close();
      learner = await (await browser.newContext({ viewport: DESKTOP, locale: 'en-US' })).newPage();
      learner.setDefaultTimeout(30_000);
      await signUp(learner, learnerName);
    });

    after(async () => {
      await browser?.close();
    });

    void test('creates a stdio problem in the browser: statement, three tests with a sample, AC and WA solutions', async () => {
      await setter.goto(`${baseUrl()}/problems`);
      await setter.getByRole('link', { name: 'My problems' }).click();
      await setter.waitForURL(/\/setter\/problems$/);
      await setter.getByTestId('empty-state').waitFor();
      await screenshots(setter, '30-setter-problems-empty');
      await setter.getByTestId('new-problem').click();
      await setter.waitForURL(/\/setter\/problems\/new$/);
      await setter.getByTestId('new-slug').fill(slug);
      await setter.getByTestId('new-title').fill('Add two numbers');
      await setter.getByTestId('new-style-stdio').check();
      await screenshots(setter, '31-setter-new');
      await setter.getByTestId('new-start').click();
      await setter.getByTestId('problem-editor').waitFor();

      // The statement, previewed by the problem page's own renderer (KaTeX included).
      await setter.getByTestId('statement-text').fill(STATEMENT);
      const preview = setter.getByTestId('statement-preview');
      await preview.locator('.katex').first().waitFor();
      assert.match(await preview.innerText(), /print their sum/);
      await screenshot(setter, '32-setter-statement');
      await setter.setViewportSize(PHONE);
      await setter.getByTestId('statement-view-preview').click();
      await preview.locator('.katex').first().waitFor();
      assert.equal(await horizontalOverflow(setter), 0);
      await screenshot(setter, '32-setter-statement-phone');
      await setter.getByTestId('statement-view-edit').click();
      await setter.setViewportSize(DESKTOP);

      await openTab(setter, 'tests');
      await addTest(setter, '1 2\n', '3\n');
      await addTest(setter, '10 20\n', '30\n');
      await addTest(setter, '-5 5\n', '0\n');
      const rows = setter.getByTestId('test-row');
      assert.equal(await rows.count(), 3);
      // The first test became the sample; the default subtask holds every test.
      assert.deepEqual(
        await setter
          .getByTestId('sample-checkbox')
          .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked)),
        [true, false, false],
      );
      assert.equal(await setter.getByTestId('subtask-tests').inputValue(), '01, 02, 03');
      await screenshots(setter, '33-setter-tests');

      await openTab(setter, 'solutions');
      await addSolution(setter, 'ac.js', 'AC', AC_SOLUTION);
      await addSolution(setter, 'wa.js', 'WA', WA_SOLUTION);
      assert.equal(await setter.getByTestId('solution-row').count(), 2);
      await screenshots(setter, '34-setter-solutions');

      await openTab(setter, 'settings');
      assert.equal(await setter.getByTestId('limit-timeMs').inputValue(), '1000');
      assert.equal(await setter.getByTestId('setting-checker').inputValue(), 'tokens');
      await screenshots(setter, '35-setter-settings');
    });

    void test('saves version 1, watches the table turn sound and publishes it', async () => {
      const { sound, version } = await saveAndCheck(setter);
      assert.equal(version, 'v1 · current');
      assert.equal(sound, 'sound');
      const table = setter.getByTestId('verification-table');
      const verdicts = await cellVerdicts(table);
      assert.equal(verdicts.filter((verdict) => verdict === 'AC').length, 3, verdicts.join(' '));
      assert.ok(verdicts.includes('WA'), verdicts.join(' '));
      assert.equal(await setter.getByTestId('solution-ok').count(), 2);
      await setter.getByTestId('time-advice').waitFor();
      await screenshots(setter, '36-setter-sound');

      const publish = setter.getByTestId('publish');
      assert.ok(await publish.isEnabled());
      await publish.click();
      await setter.locator('[data-testid=visibility]', { hasText: 'public' }).waitFor();
      assert.equal(await publish.innerText(), 'Published');
      assert.ok(await publish.isDisabled());

      await setter.goto(`${baseUrl()}/setter/problems`);
      const row = setter.locator(`[data-testid=authored-problem][data-slug="${slug}"]`);
      assert.match(await row.innerText(), /public/);
      assert.match(await row.innerText(), /v1 \/ v1/);
      assert.match(await row.innerText(), new RegExp(setterName));
      await screenshots(setter, '37-setter-problems');
    });

    void test('a learner solves the published problem', async () => {
      await learner.goto(`${baseUrl()}/problems/${slug}`);
      await learner.getByTestId('problem-title').filter({ hasText: 'Add two numbers' }).waitFor();
      assert.equal(await learner.getByTestId('sample').count(), 1);
      await setEditorCode(learner, NAIVE_LEARNER);
      await learner.getByTestId('submit-button').click();
      await learner.locator('[data-testid=submission-result][data-status=FINISHED]').waitFor({ timeout: 60_000 });
      assert.equal(await learner.getByTestId('submission-result').getAttribute('data-verdict'), 'AC');
      const link = learner.getByTestId('submission-result').getByRole('link', { name: /Submission #/ });
      learnerSubmission = Number(/#(\d+)/.exec(await link.innerText())?.[1]);
      assert.ok(learnerSubmission > 0);
    });

    void test('a version with a wrong expected output is unsound and cannot be published', async () => {
      await setter.goto(`${baseUrl()}/setter/problems/${slug}`);
      await openTab(setter, 'tests');
      await editTest(setter, '02', '31\n');
      await addTest(setter, '7\n8\n', '15\n');
      assert.equal(await setter.getByTestId('subtask-tests').inputValue(), '01, 02, 03, 04');
      const { sound, version } = await saveAndCheck(setter);
      assert.equal(version, 'v2');
      assert.equal(sound, 'unsound');
      assert.match(await setter.getByTestId('unsound-reasons').innerText(), /ac\.js/);
      assert.ok(await setter.getByTestId('publish').isDisabled());
      assert.equal(await setter.getByTestId('solution-not-ok').count(), 1);
      await screenshots(setter, '38-setter-unsound');
    });

    void test('fixed, it is sound again, published, and a rejudge shows the learner whose verdict changed', async () => {
      await openTab(setter, 'tests');
      await editTest(setter, '02', '30\n');
      const { sound, version } = await saveAndCheck(setter);
      assert.equal(version, 'v3');
      assert.equal(sound, 'sound');
      await setter.getByTestId('publish').click();
      await setter.locator('[data-testid=viewed-version]', { hasText: 'v3 · current' }).waitFor();

      await openTab(setter, 'versions');
      assert.equal(await setter.getByTestId('version-row').count(), 3);
      const exportLink = setter.getByTestId('version-row').first().getByRole('link', { name: 'Export zip' });
      const exported = await setter.request.get(
        new URL((await exportLink.getAttribute('href')) ?? '', baseUrl()).toString(),
      );
      assert.equal(exported.status(), 200);
      assert.equal(exported.headers()['content-type'], 'application/zip');
      await screenshots(setter, '39-setter-versions');

      await openTab(setter, 'rejudge');
      await setter.getByTestId('start-rejudge').click();
      await setter.locator('[data-testid=rejudge][data-finished=true]').first().waitFor({ timeout: 120_000 });
      const change = setter.getByTestId('rejudge-change').filter({ hasText: learnerName });
      await change.waitFor();
      assert.match(await change.innerText(), /AC[\s\S]*→[\s\S]*WA/);
      assert.equal(
        await change.getByRole('link', { name: `#${learnerSubmission}` }).getAttribute('href'),
        `/submissions/${learnerSubmission}`,
      );
      await screenshots(setter, '40-setter-rejudged');
    });

    void test('adds a co-author by username, and says why an unknown one is refused', async () => {
      await openTab(setter, 'authors');
      await setter.getByTestId('coauthor-name').fill('nobody_by_that_name');
      await setter.getByRole('button', { name: 'Add co-author' }).click();
      await setter.getByTestId('authors-error').waitFor();
      await setter.getByTestId('coauthor-name').fill(admin.username);
      await setter.getByRole('button', { name: 'Add co-author' }).click();
      await setter.getByTestId('coauthor').filter({ hasText: admin.username }).waitFor();
      await screenshots(setter, '41-setter-authors');
    });

    void test('hostile input on the pages gets the API’s answer, never a crash', async () => {
      // A slug the form refuses, and slugs in the address that the API refuses.
      await setter.goto(`${baseUrl()}/setter/problems/new`);
      await setter.getByTestId('new-slug').fill('a\u0000b');
      await setter.getByTestId('slug-error').waitFor();
      for (const address of ['a%00b', '..%2F..%2Fetc', '%2E%2E']) {
        const response = await setter.goto(`${baseUrl()}/setter/problems/${address}`);
        assert.ok((response?.status() ?? 500) < 500, `${address} is no server error`);
        assert.ok(
          (await setter.getByTestId('error-state').count()) + (await setter.getByText('Not found').count()) > 0,
          `${address} says what is wrong`,
        );
      }

      // A solution whose file leads out of the package, and a time limit of 10^30 ms: every reason listed.
      await setter.goto(`${baseUrl()}/setter/problems/${slug}`);
      await openTab(setter, 'solutions');
      await addSolution(setter, '../x.js', 'AC', AC_SOLUTION);
      await openTab(setter, 'settings');
      await setter.getByTestId('limit-timeMs').fill('1000000000000000000000000000000');
      await setter.getByTestId('save').click();
      const error = setter.getByTestId('save-error');
      await error.waitFor();
      assert.match(await error.innerText(), /x\.js|path/);
      await screenshots(setter, '42-setter-refused');
      // Only the path (the schema's first check) or both reasons: fix the path, and the limit's reason remains.
      await openTab(setter, 'solutions');
      await setter
        .getByTestId('solution-row')
        .filter({ hasText: '../x.js' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await setter.getByTestId('save').click();
      await setter.locator('[data-testid=save-error]', { hasText: /timeMs|20000|too big|less than/i }).waitFor();
      assert.ok(await setter.getByTestId('problem-editor').isVisible());
    });

    void test('a function-style problem: signature, JSON tests, a Chinese statement, sound on first save', async () => {
      await setter.goto(`${baseUrl()}/setter/problems/new`);
      await setter.getByTestId('new-slug').fill(`e2e-sum-${run}`);
      await setter.getByTestId('new-title').fill('Sum of an array');
      await setter.getByTestId('new-style-function').check();
      await setter.getByTestId('signature-name').fill('sum');
      await setter.getByTestId('new-start').click();
      await setter.getByTestId('problem-editor').waitFor();
      assert.match(await setter.getByTestId('statement-text').inputValue(), /`nums` \(`number\[\]`\)/);
      await setter.getByTestId('statement-zh').click();
      await setter.getByTestId('add-chinese').click();
      await setter.getByTestId('statement-text').fill('## 题目描述\n\n给定数组 $nums$，返回其元素之和。\n');
      await setter.getByTestId('statement-preview').getByText('返回其元素之和').waitFor();

      await openTab(setter, 'tests');
      await setter.getByTestId('add-test').click();
      await setter.getByTestId('test-input').fill('[1');
      await setter.getByTestId('test-output').fill('6');
      await setter.getByTestId('test-done').click();
      await setter.getByTestId('test-form').getByRole('alert').filter({ hasText: 'Not valid JSON' }).waitFor();
      await setter.getByTestId('test-input').fill('[[1, 2, 3]]');
      await setter.getByTestId('test-done').click();
      await addTest(setter, '[[]]', '0');
      assert.match(await setter.getByTestId('test-table').innerText(), /\[\[1,2,3\]\][\s\S]*6/);

      await openTab(setter, 'solutions');
      await addSolution(
        setter,
        'ac.js',
        'AC',
        'var sum = function (nums) {\n  return nums.reduce((a, b) => a + b, 0);\n};\n',
      );
      const { sound, version } = await saveAndCheck(setter);
      assert.equal(version, 'v1 · current');
      assert.equal(sound, 'sound');
      await screenshots(setter, '43-setter-function-sound');
    });

    void test('test files picked from disk; a save over a newer version says so and offers to reload', async () => {
      const address = `${baseUrl()}/setter/problems/e2e-sum-${run}`;
      const other = await setterContext.newPage();
      other.on('dialog', (dialog) => void dialog.accept());
      await other.goto(address);
      await setter.goto(address);
      await openTab(setter, 'tests');
      await setter.getByTestId('test-files').setInputFiles([
        { name: '03.json', mimeType: 'application/json', buffer: Buffer.from('{"args":[[5,-5,7]],"expected":7}\n') },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') },
      ]);
      await setter.getByTestId('refused-files').filter({ hasText: 'notes.txt' }).waitFor();
      assert.equal(await setter.getByTestId('test-row').count(), 3);
      const { sound, version } = await saveAndCheck(setter);
      assert.equal(version, 'v2 · current');
      assert.equal(sound, 'sound');

      // The other tab still edits version 1.
      await other.getByTestId('statement-text').fill('## Description\n\nReturn the sum of nums.\n');
      await other.getByTestId('save').click();
      const conflict = other.getByTestId('save-conflict');
      await conflict.waitFor();
      await screenshot(other, '44-setter-conflict');
      await conflict.getByRole('button', { name: 'Reload' }).click();
      await other.locator('[data-testid=viewed-version]', { hasText: 'v2' }).waitFor();
      assert.equal(await other.getByTestId('save-conflict').count(), 0);
      await other.close();
    });

    void test('a zip of tests replaces the tests as a new version; a zip with a readme is refused, nothing changes', async () => {
      await setter.goto(`${baseUrl()}/setter/problems/${slug}`);
      await setter.locator('[data-testid=viewed-version]', { hasText: 'v3' }).waitFor();
      await openTab(setter, 'tests');
      const zipInput = setter.getByTestId('tests-zip-file');
      assert.ok(await zipInput.isEnabled());
      // Unsaved edits hold the upload back, saying why.
      await addTest(setter, '4 4\n', '8\n');
      await setter.getByTestId('tests-zip-dirty').waitFor();
      assert.ok(await zipInput.isDisabled());
      await setter.getByTestId('tests-zip').scrollIntoViewIfNeeded();
      await screenshots(setter, '45-setter-tests-zip-unsaved');
      await setter.goto(`${baseUrl()}/setter/problems/${slug}`);
      await openTab(setter, 'tests');
      assert.equal(await setter.getByTestId('test-row').count(), 4);

      const refused = buildZip([
        { name: '01.in', data: Buffer.from('1 2\n') },
        { name: '01.out', data: Buffer.from('3\n') },
        { name: 'readme.txt', data: Buffer.from('how the tests were made\n') },
      ]);
      await zipInput.setInputFiles({ name: 'bad.zip', mimeType: 'application/zip', buffer: refused });
      const problems = setter.getByTestId('tests-zip-problems');
      await problems.waitFor();
      assert.match(await problems.innerText(), /readme\.txt/);
      assert.equal(await setter.getByTestId('viewed-version').innerText(), 'v3 · current');
      assert.equal(await setter.getByTestId('test-row').count(), 4);
      await setter.getByTestId('tests-zip').scrollIntoViewIfNeeded();
      await screenshots(setter, '46-setter-tests-zip-refused');

      // Five tests in one top folder; a - b is wrong on every one of them, a + b right.
      const pairs = [
        [3, 4],
        [100, -1],
        [-7, 2],
        [123456789, 987654321],
        [1, 1],
      ];
      const good = buildZip(
        pairs.flatMap(([a, b], index) => {
          const id = String(index + 1).padStart(2, '0');
          return [
            { name: `tests/${id}.in`, data: Buffer.from(`${a} ${b}\n`) },
            { name: `tests/${id}.out`, data: Buffer.from(`${(a ?? 0) + (b ?? 0)}\n`) },
          ];
        }),
      );
      await zipInput.setInputFiles({ name: 'tests.zip', mimeType: 'application/zip', buffer: good });
      await setter.locator('[data-testid=viewed-version]', { hasText: 'v4' }).waitFor({ timeout: 30_000 });
      await setter.locator('[data-testid=verification][data-status=finished]').waitFor({ timeout: 120_000 });
      assert.equal(
        await setter.locator('[data-testid=verification] [data-testid=sound-badge]').getAttribute('data-sound'),
        'sound',
      );
      const verdicts = await cellVerdicts(setter.getByTestId('verification-table'));
      assert.equal(verdicts.filter((verdict) => verdict === 'AC').length, 5, verdicts.join(' '));
      await screenshots(setter, '47-setter-tests-zip-check');
      await openTab(setter, 'tests');
      assert.equal(await setter.getByTestId('test-row').count(), 5);
      assert.equal(await setter.getByTestId('subtask-tests').inputValue(), '01, 02, 03, 04, 05');
      assert.match(await setter.getByTestId('test-table').innerText(), /123456789 987654321/);
      await screenshots(setter, '48-setter-tests-zip-tests');
    });

    void test('is closed to learners', async () => {
      assert.equal(await learner.getByRole('link', { name: 'My problems' }).count(), 0);
      for (const address of ['/setter/problems', '/setter/problems/new', `/setter/problems/${slug}`]) {
        await learner.goto(`${baseUrl()}${address}`);
        assert.equal(await learner.getByTestId('error-state').getAttribute('data-kind'), 'forbidden', address);
      }
    });
  },
);
