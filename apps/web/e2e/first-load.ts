// Measures the JavaScript a page ships on first load: every script the server-rendered HTML loads
// (script tags and preloads), gzipped. Dynamic imports (the editor) are not in the HTML, so not counted.
//   node --disable-warning=ExperimentalWarning e2e/first-load.ts http://localhost:3000/problems/subsets
import { gzipSync } from 'node:zlib';

export interface FirstLoad {
  scripts: { url: string; bytes: number; gzipBytes: number }[];
  totalBytes: number;
  totalGzipBytes: number;
}

export async function measureFirstLoad(pageUrl: string, cookie?: string): Promise<FirstLoad> {
  const html = await (await fetch(pageUrl, { headers: cookie ? { cookie } : {} })).text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)) {
    // `nomodule` polyfills are skipped by every browser that runs ES modules, i.e. all current ones.
    if (!/\snomodule/i.test(match[0])) sources.add(match[1]!);
  }
  for (const match of html.matchAll(/<link[^>]*rel="(?:modulepreload|preload)"[^>]*>/g)) {
    const tag = match[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (href && (/as="script"/.test(tag) || /modulepreload/.test(tag) || href.endsWith('.js'))) sources.add(href);
  }
  const scripts = [];
  for (const source of sources) {
    const url = new URL(source.replaceAll('&amp;', '&'), pageUrl).toString();
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    scripts.push({ url, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  return {
    scripts,
    totalBytes: scripts.reduce((sum, script) => sum + script.bytes, 0),
    totalGzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureFirstLoad(process.argv[2] ?? 'http://localhost:3000/problems/subsets');
  for (const script of result.scripts)
    console.log(
      `${(script.gzipBytes / 1024).toFixed(1).padStart(7)} KB gz  ${(script.bytes / 1024).toFixed(1).padStart(7)} KB  ${new URL(script.url).pathname}`,
    );
  console.log(
    `${(result.totalGzipBytes / 1024).toFixed(1).padStart(7)} KB gz  ${(result.totalBytes / 1024).toFixed(1).padStart(7)} KB  total (${result.scripts.length} scripts)`,
  );
}
