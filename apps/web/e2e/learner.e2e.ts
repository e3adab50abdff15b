// A new learner's day, in a real browser against the whole stack: sign up, solve `subsets` through the
// editor and watch Accepted arrive test by test, get a WA with the difference, run custom input on
// `spicy-rabbit-head`, switch to Chinese; then the same pages on a phone. Screenshots: artifacts/e2e/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  baseUrl,
  DESKTOP,
  editorCode,
  horizontalOverflow,
  launchBrowser,
  PHONE,
  REPO_ROOT,
  screenshot,
  setEditorCode,
} from './browser.ts';

const solution = (problem: string, file: string) =>
  readFileSync(path.join(REPO_ROOT, 'problems', problem, 'solutions', file), 'utf8');

const SPICY_SOLUTION = `const data = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);
const n = data[0];
let total = 0;
for (let i = 1; i <= n; i++) {
const top = data[i];
const bottom = top % 2 === 1 ? top + 1 : top - 1;
total += 21 - top - bottom;
}
console.log(total + data[n]);
`;

void describe('a learner in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const username = `e2e_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const password = 'correct-horse-battery';
  let acceptedId = 0;

  before(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  });

  after(async () => {
    await browser?.close();
  });

  void test('signs up and sees the name and role in the header', async () => {
    await page.goto(`${baseUrl()}/signup`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Repeat the password').fill(password);
    await screenshot(page, '01-signup');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(/\/problems$/);
    const current = page.getByTestId('current-user');
    await current.waitFor();
    assert.match(await current.innerText(), new RegExp(username, 'i'));
    assert.equal(await page.getByTestId('role-badge').innerText(), 'learner');
    await page.getByTestId('problem-row').first().waitFor();
    await screenshot(page, '02-problems');
  });

  void test('opens subsets: statement with math, samples, limits, the editor with starter code', async () => {
    await page.getByRole('link', { name: 'Subsets' }).click();
    await page.waitForURL(/\/problems\/subsets$/);
    assert.equal(await page.getByTestId('problem-title').innerText(), 'Subsets');
    assert.ok((await page.locator('[data-testid=statement] .katex').count()) > 0, 'math is rendered by KaTeX');
    assert.ok((await page.getByTestId('sample').count()) >= 1);
    await page.locator('.cm-content').waitFor();
    assert.match(await editorCode(page), /subsets/);
    await screenshot(page, '03-problem');
  });

  void test('types an accepted solution, submits with Ctrl+Enter and sees Accepted test by test', async () => {
    await setEditorCode(page, solution('subsets', 'ac.js'));
    // Record every state of the result list, to see it fill in rather than appear at once.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { judgedCounts: number[] }).judgedCounts = seen;
      new MutationObserver(() => {
        const judged = document.querySelectorAll('[data-testid=test-row]').length;
        if (seen[seen.length - 1] !== judged) seen.push(judged);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.keyboard.press('ControlOrMeta+Enter');
    const result = page.getByTestId('submission-result');
    await result.waitFor();
    await page
      .locator('[data-testid=submission-result][data-status=JUDGING] [data-testid=test-row]')
      .first()
      .waitFor({ timeout: 20_000 })
      .then(() => screenshot(page, '04-judging'))
      .catch(() => undefined); // a fast judge may finish before the first frame
    await page.locator('[data-testid=submission-result][data-status=FINISHED]').waitFor({ timeout: 60_000 });
    assert.equal(await result.getAttribute('data-verdict'), 'AC');
    const verdicts = await page
      .locator('[data-testid=test-row]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-verdict')));
    assert.ok(verdicts.length >= 10, `every test is listed (${verdicts.length})`);
    assert.ok(verdicts.every((verdict) => verdict === 'AC'));
    const counts = await page.evaluate(() => (window as unknown as { judgedCounts: number[] }).judgedCounts);
    assert.ok(
      counts.every((count, index) => index === 0 || count >= counts[index - 1]!),
      `the list only grows: ${counts.join(',')}`,
    );
    console.log(`# judged-row counts seen while judging: ${counts.join(' ')}`);
    await screenshot(page, '05-accepted');
    const link = page.getByRole('link', { name: /Submission #\d+/ });
    acceptedId = Number(/#(\d+)/.exec(await link.innerText())?.[1]);
    assert.ok(acceptedId > 0);
  });

  void test('keeps the draft across a reload', async () => {
    await page.reload();
    await page.locator('.cm-content').waitFor();
    assert.match(await editorCode(page), /backtrack/);
  });

  void test('submits a wrong solution and sees WA with the difference on a visible test', async () => {
    await setEditorCode(page, solution('subsets', 'wa-missing-empty.js'));
    await page.getByTestId('submit-button').click();
    await page.locator('[data-testid=submission-result][data-status=FINISHED]').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('submission-result').getAttribute('data-verdict'), 'WA');
    const wrongSample = page.locator('[data-testid=test-row][data-verdict=WA]').first();
    const message = await wrongSample.locator('td').last().innerText();
    assert.ok(message.trim().length > 0, 'the difference is shown for a visible test');
    await screenshot(page, '06-wrong-answer');
  });

  void test('the submission page shows the code, the per-test table and the CPU time chart', async () => {
    await page.goto(`${baseUrl()}/submissions/${acceptedId}`);
    await page.locator('[data-testid=submission-result][data-status=FINISHED]').waitFor();
    assert.match(await page.getByTestId('submission-code').innerText(), /backtrack/);
    await page.getByTestId('cpu-chart').waitFor();
    await screenshot(page, '07-submission');
  });

  void test('runs custom input on spicy-rabbit-head', async () => {
    await page.goto(`${baseUrl()}/problems/spicy-rabbit-head`);
    await setEditorCode(page, SPICY_SOLUTION);
    await page.getByTestId('custom-toggle').check();
    await page.getByTestId('custom-input').fill('1\n1\n');
    await page.getByTestId('run-button').click();
    const output = page.getByTestId('run-output').first();
    await output.waitFor({ timeout: 30_000 });
    assert.equal((await output.innerText()).trim(), '19');
    await screenshot(page, '08-custom-run');
    // The samples too, with the keyboard shortcut.
    await page.getByTestId('custom-toggle').uncheck();
    await page.locator('.cm-content').click();
    await page.keyboard.press("ControlOrMeta+'");
    await page.locator('[data-testid=run-result][data-verdict=AC]').waitFor({ timeout: 30_000 });
  });

  void test('switches the interface to Chinese', async () => {
    await page.goto(`${baseUrl()}/problems/subsets`);
    await page.getByTestId('locale-switch').selectOption('zh');
    await page.getByRole('link', { name: '题库', exact: true }).waitFor();
    await page.getByTestId('problem-title').filter({ hasText: '子集' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    await page.locator('.cm-content').waitFor();
    await screenshot(page, '09-chinese');
    await page.getByTestId('locale-switch').selectOption('en');
    await page.getByRole('link', { name: 'Problems', exact: true }).waitFor();
  });

  void test('profile shows the solved problem and the verdict breakdown', async () => {
    await page.goto(`${baseUrl()}/users/${username}`);
    await page.getByTestId('solved-list').getByText('Subsets').waitFor();
    const breakdown = await page.getByTestId('verdict-breakdown').innerText();
    assert.match(breakdown, /Accepted/);
    assert.match(breakdown, /Wrong Answer/);
    await screenshot(page, '10-profile');
  });

  void test('fits a 375 px phone and the dark theme', async () => {
    const phone = await browser.newContext({
      viewport: PHONE,
      locale: 'en-US',
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    for (const [name, url, ready] of [
      ['11-phone-problems', '/problems', '[data-testid=problem-row]'],
      ['12-phone-problem', '/problems/subsets', '.cm-content'],
      ['13-phone-submission', `/submissions/${acceptedId}`, '[data-testid=cpu-chart]'],
      ['14-phone-submissions', '/submissions', '[data-testid=submission-row]'],
    ] as const) {
      await small.goto(`${baseUrl()}${url}`);
      await small.locator(ready).first().waitFor();
      assert.ok((await horizontalOverflow(small)) <= 0, `${url} does not overflow at 375 px`);
      await screenshot(small, name);
    }
    await small.evaluate(() => localStorage.setItem('oj:theme', 'dark'));
    await small.goto(`${baseUrl()}/problems/subsets`);
    await small.locator('.cm-content').waitFor();
    assert.equal(await small.locator('html').getAttribute('class'), 'dark');
    await screenshot(small, '15-phone-dark');
    await phone.close();
    await page.evaluate(() => localStorage.setItem('oj:theme', 'dark'));
    await page.goto(`${baseUrl()}/submissions/${acceptedId}`);
    await page.getByTestId('cpu-chart').waitFor();
    await screenshot(page, '16-dark-submission');
    await page.evaluate(() => localStorage.removeItem('oj:theme'));
  });

  void test('signs out', async () => {
    await page.goto(`${baseUrl()}/problems`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto(`${baseUrl()}/submissions?mine=true`);
    assert.equal(await page.getByTestId('error-state').getAttribute('data-kind'), 'unauthorized');
    await screenshot(page, '17-signed-out');
  });
});
