// Debian's Chromium driven by playwright-core, and the helpers the browser tests share.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const ARTIFACTS = path.join(REPO_ROOT, 'artifacts/e2e');

export function baseUrl(): string {
  const url = process.env.BASE_URL;
  if (!url) throw new Error('BASE_URL is not set: run the browser tests with `npm run test:e2e -w @oj/web`');
  return url.replace(/\/+$/, '');
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // playwright gives every launch a fresh temporary profile (--user-data-dir) of its own.
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 375, height: 812 };

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}-${page.viewportSize()?.width ?? 0}.png`);
  // From the top, so the sticky header sits where a reader sees it, not in the middle of the capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The page is no wider than the viewport: nothing overflows sideways. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Replaces the editor's content the way a person would: focus, select all, delete, type. */
export async function setEditorCode(page: Page, code: string): Promise<void> {
  const content = page.locator('.cm-content');
  await content.waitFor({ state: 'visible', timeout: 30_000 });
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // Inserted as typed text (an input event per call); line by line keeps CodeMirror's auto-indent out of the way.
  await page.keyboard.insertText(code);
}

export async function editorCode(page: Page): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.cm-content .cm-line'))
      .map((line) => line.textContent ?? '')
      .join('\n'),
  );
}
