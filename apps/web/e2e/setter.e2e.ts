// A setter's upload in a real browser: a package zip made with `oj export` becomes a private draft they
// can open; a zip that leads out of the package is refused with its reasons listed; a learner finds no
// way in. Screenshots at 1440 and 375 px: artifacts/e2e/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildZip } from '../../../packages/judge-core/test/support/zip.ts';
import { baseUrl, DESKTOP, horizontalOverflow, launchBrowser, PHONE, REPO_ROOT, screenshot } from './browser.ts';

const admin = { username: process.env.E2E_ADMIN_USERNAME ?? '', password: process.env.E2E_ADMIN_PASSWORD ?? '' };
const slug = `e2e-upload-${Date.now().toString(36)}`;

/** `oj export` of the built-in subsets under a new slug. */
function packageZip(scratch: string): string {
  const dir = path.join(scratch, slug);
  cpSync(path.join(REPO_ROOT, 'problems/subsets'), dir, { recursive: true });
  const manifest = path.join(dir, 'problem.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^slug: subsets$/m, `slug: ${slug}`));
  const zip = path.join(scratch, `${slug}.zip`);
  execFileSync(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      path.join(REPO_ROOT, 'packages/judge-core/src/cli/main.ts'),
      'export',
      dir,
      zip,
    ],
    { env: { ...process.env, INIT_CWD: scratch } },
  );
  return zip;
}

/** A zip whose one entry points out of the package. */
function slipZip(scratch: string): string {
  const file = path.join(scratch, 'slip.zip');
  writeFileSync(file, buildZip([{ name: '../evil.txt', data: Buffer.from('x') }]));
  return file;
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/signin`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

void describe(
  'a setter uploading a problem package',
  { skip: admin.password === '' ? 'no E2E_ADMIN_PASSWORD' : false },
  () => {
    let browser: Browser;
    let page: Page;
    let scratch: string;

    before(async () => {
      scratch = mkdtempSync(path.join(tmpdir(), 'oj-e2e-setter-'));
      browser = await launchBrowser();
      page = await (await browser.newContext({ viewport: DESKTOP, locale: 'en-US' })).newPage();
      page.setDefaultTimeout(30_000);
      await signIn(page, admin.username, admin.password);
    });

    after(async () => {
      await browser?.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    void test('finds the page through the header, uploads a zip and opens the new draft', async () => {
      await page.getByRole('link', { name: 'My problems' }).click();
      await page.waitForURL(/\/setter\/problems$/);
      await page.getByTestId('upload-zip').click();
      await page.waitForURL(/\/setter\/packages$/);
      await page.getByTestId('package-file').setInputFiles(packageZip(scratch));
      await page.getByTestId('package-upload').click();
      const result = page.getByTestId('package-result');
      await result.waitFor();
      assert.match(await result.innerText(), new RegExp(`Stored ${slug}, version 1, with 14 tests`));
      assert.ok(await result.isVisible());
      await screenshot(page, '18-setter-uploaded');
      await page.getByRole('link', { name: 'Open the problem' }).click();
      await page.waitForURL(new RegExp(`/problems/${slug}$`));
      await page.getByTestId('workspace').waitFor();
    });

    void test('sees every reason a hostile zip is refused', async () => {
      await page.goto(`${baseUrl()}/setter/packages`);
      await page.getByTestId('package-file').setInputFiles(slipZip(scratch));
      await page.getByTestId('package-upload').click();
      const problems = page.getByTestId('package-problems');
      await problems.waitFor();
      assert.match(await problems.innerText(), /a path out of the package/);
      await screenshot(page, '19-setter-refused');

      await page.setViewportSize(PHONE);
      assert.ok(await problems.isVisible());
      assert.equal(await horizontalOverflow(page), 0);
      await screenshot(page, '20-phone-setter-refused');
      await page.setViewportSize(DESKTOP);
    });

    void test('is closed to learners: no link, and the page says they may not', async () => {
      const learnerPage = await (await browser.newContext({ viewport: DESKTOP, locale: 'en-US' })).newPage();
      const name = `e2e_setter_${Date.now().toString(36)}`;
      await learnerPage.goto(`${baseUrl()}/signup`);
      await learnerPage.getByLabel('Username').fill(name);
      await learnerPage.getByLabel('Password', { exact: true }).fill('correct-horse-battery');
      await learnerPage.getByLabel('Repeat the password').fill('correct-horse-battery');
      await learnerPage.getByRole('button', { name: 'Sign up' }).click();
      await learnerPage.getByTestId('current-user').waitFor();
      assert.equal(await learnerPage.getByRole('link', { name: 'My problems' }).count(), 0);
      await learnerPage.goto(`${baseUrl()}/setter/packages`);
      assert.equal(await learnerPage.getByTestId('error-state').getAttribute('data-kind'), 'forbidden');
      // The draft is not theirs to see either.
      await learnerPage.goto(`${baseUrl()}/problems/${slug}`);
      assert.equal(await learnerPage.getByTestId('package-form').count(), 0);
      assert.equal(await learnerPage.getByTestId('workspace').count(), 0);
    });
  },
);
