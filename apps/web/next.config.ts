import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { PROXY_BUFFER_BYTES, SECURITY_HEADERS } from './src/lib/http-policy.ts';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const config: NextConfig = {
  // @oj/shared is TypeScript with `.ts` import extensions; Next compiles it like our own code.
  transpilePackages: ['@oj/shared'],
  poweredByHeader: false,
  reactStrictMode: true,
  // The browser reaches the API through this origin (see src/proxy.ts), so the session cookie is first-party.
  skipTrailingSlashRedirect: true,
  // src/proxy.ts refuses longer bodies with 413 rather than forward a truncated one.
  experimental: { proxyClientMaxBodySize: PROXY_BUFFER_BYTES },
  // Also set, with the API's answers, by src/lib/site-server.ts; here they cover `next dev` too.
  headers: () => Promise.resolve([{ source: '/:path*', headers: [...SECURITY_HEADERS] }]),
};

export default withNextIntl(config);
