// The site's defences against another site and a lying client: where signing in may lead, who may frame
// its pages, the headers on every response, oversized bodies, and the client address the API is told.
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { baseUrl, DESKTOP, launchBrowser } from './browser.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  milliseconds: number;
}

interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Sent with a Content-Length; `chunks` instead sends a body without one (chunked). */
  body?: string | Buffer;
  chunks?: Buffer[];
  /** The client's own address: any 127.x.y.z reaches this machine, so a test can have an address to itself. */
  localAddress?: string;
}

function send(path: string, options: SendOptions = {}): Promise<Reply> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl()}${path}`,
      {
        method: options.method ?? 'GET',
        headers: {
          ...options.headers,
          ...(options.body !== undefined ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}),
        },
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(parts).toString('utf8'),
            milliseconds: Date.now() - started,
          }),
        );
      },
    );
    request.setTimeout(25_000, () => request.destroy(new Error(`${path} did not answer within 25 s`)));
    // The server may answer before it has read the whole body; that answer is what counts.
    request.on('error', reject);
    if (options.chunks) for (const chunk of options.chunks) request.write(chunk);
    else if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

function assertSecurityHeaders(headers: Record<string, string | string[] | undefined>, what: string): void {
  const policies = [headers['content-security-policy']].flat().join(', ');
  assert.match(policies, /frame-ancestors 'none'/, `${what}: Content-Security-Policy forbids framing`);
  assert.equal(headers['x-frame-options'], 'DENY', `${what}: X-Frame-Options`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(headers['referrer-policy'], 'strict-origin-when-cross-origin', `${what}: Referrer-Policy`);
  const internal = Object.keys(headers).filter((name) => name.startsWith('x-middleware-'));
  assert.deepEqual(
    internal,
    [],
    `${what}: Next's internal headers (x-middleware-rewrite names the API's address) are not sent`,
  );
}

/** A loopback address of its own for this run, so rate limits counted per address start from zero. */
function freshLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

const admin =
  process.env.E2E_ADMIN_USERNAME && process.env.E2E_ADMIN_PASSWORD
    ? { username: process.env.E2E_ADMIN_USERNAME, password: process.env.E2E_ADMIN_PASSWORD }
    : undefined;
const needsAdmin = admin
  ? false
  : 'E2E_ADMIN_USERNAME and E2E_ADMIN_PASSWORD are not set (run.ts sets them for the stack it starts)';

void describe('the site over HTTP', () => {
  void test('pages and the API answers passed on carry the security headers and no internal ones', async () => {
    for (const path of [
      '/',
      '/signin',
      '/problems',
      '/problems/subsets',
      '/api/problems',
      '/api/auth/me',
      '/api/no-such-route',
    ]) {
      const reply = await send(path);
      assert.ok(reply.status < 500, `${path} answers (${reply.status})`);
      assertSecurityHeaders(reply.headers, path);
    }
  });

  void test('a body over 10 MB is refused with 413 at once, with or without a Content-Length', async () => {
    const headers = { 'content-type': 'application/json', origin: baseUrl() };
    const withLength = await send('/api/auth/login', {
      method: 'POST',
      headers,
      body: Buffer.alloc(11 * 1024 * 1024, 'x'),
    });
    assert.equal(withLength.status, 413);
    assert.equal((JSON.parse(withLength.body) as { error: { code: string } }).error.code, 'PAYLOAD_TOO_LARGE');
    assert.ok(withLength.milliseconds < 10_000, `answered in ${withLength.milliseconds} ms`);
    const chunked = await send('/api/auth/login', {
      method: 'POST',
      headers,
      chunks: Array.from({ length: 12 }, () => Buffer.alloc(1024 * 1024, 'x')),
    });
    assert.equal(chunked.status, 413);
    assert.ok(chunked.milliseconds < 10_000, `answered in ${chunked.milliseconds} ms`);
  });

  void test('the API is told the real client address, whatever X-Forwarded-For the client sends', async () => {
    // Sign-ups are limited per address (SIGNUPS_PER_HOUR). Were the forwarded header believed, a new
    // made-up address for every attempt would never reach the limit.
    const localAddress = freshLoopbackAddress();
    const me = await send('/api/auth/me', { localAddress });
    const csrfToken = (JSON.parse(me.body) as { csrfToken: string }).csrfToken;
    const cookie = [me.headers['set-cookie'] ?? []]
      .flat()
      .map((line) => line.split(';')[0])
      .join('; ');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30 && !statuses.includes(429); attempt++) {
      const reply = await send('/api/auth/register', {
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          origin: baseUrl(),
          cookie,
          'x-csrf-token': csrfToken,
          'x-forwarded-for': `203.0.113.${attempt + 1}`,
        },
        body: JSON.stringify({
          username: `xff_${randomBytes(6).toString('hex')}`,
          password: randomBytes(18).toString('base64url'),
        }),
      });
      statuses.push(reply.status);
    }
    assert.ok(statuses.includes(429), `the sign-up limit of the real address was reached: ${statuses.join(' ')}`);
    assert.ok(
      statuses.slice(0, -1).every((status) => status === 201 || status === 200),
      `the sign-ups before the limit succeeded: ${statuses.join(' ')}`,
    );
  });
});

void describe('the site in the browser', () => {
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  void test('signing in at /signin?next=/\\evil.example/x stays on the site', { skip: needsAdmin }, async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const evilRequests: string[] = [];
    await context.route(
      (url) => url.hostname === 'evil.example',
      (route) => {
        evilRequests.push(route.request().url());
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>evil</h1>' });
      },
    );
    await page.goto(`${baseUrl()}/signin?next=${encodeURIComponent('/\\evil.example/x')}`);
    await page.getByLabel('Username').fill(admin!.username);
    await page.getByLabel('Password', { exact: true }).fill(admin!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl()}/problems`);
    await page.getByTestId('current-user').waitFor();
    // Give a late navigation elsewhere the time to happen.
    await page.waitForTimeout(1000);
    assert.equal(new URL(page.url()).origin, new URL(baseUrl()).origin);
    assert.deepEqual(evilRequests, []);
    await context.close();
  });

  void test('another site cannot frame the pages, signed in or not', { skip: needsAdmin }, async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${baseUrl()}/signin`);
    await page.getByLabel('Username').fill(admin!.username);
    await page.getByLabel('Password', { exact: true }).fill(admin!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl()}/problems`);

    // The framing page comes from another origin (another port), as an attacker's page would. It is
    // served for real, not by page.route: Chromium keeps a page without an address from framing a
    // loopback one in any case (local network access checks).
    const framing = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        `<!doctype html><iframe name="home" src="${baseUrl()}/"></iframe><iframe name="admin" src="${baseUrl()}/admin/users"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
    const framer = `http://127.0.0.1:${(framing.address() as AddressInfo).port}/`;
    try {
      await page.goto(framer);
      await page.waitForLoadState('load');
      for (const name of ['home', 'admin']) {
        const frame = page.frame({ name });
        assert.ok(frame, `the ${name} iframe exists`);
        // A refused frame shows the browser's error page instead of the site.
        assert.ok(!frame.url().startsWith(`${baseUrl()}/`), `the ${name} frame did not load the site (${frame.url()})`);
        const rendered = await frame
          .evaluate(() => document.querySelector('header, [data-testid=admin-users]') !== null)
          .catch(() => false);
        assert.equal(rendered, false, `nothing of the site renders in the ${name} frame`);
      }
    } finally {
      framing.close();
    }
    const adminPage = await page.goto(`${baseUrl()}/admin/users`);
    await page.getByTestId('admin-users').waitFor();
    assertSecurityHeaders(await adminPage!.allHeaders(), '/admin/users');
    await context.close();
  });
});
