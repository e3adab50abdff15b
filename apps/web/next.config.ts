import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const config: NextConfig = {
  // @oj/shared is TypeScript with `.ts` import extensions; Next compiles it like our own code.
  transpilePackages: ['@oj/shared'],
  poweredByHeader: false,
  reactStrictMode: true,
  // The browser reaches the API through this origin (see src/proxy.ts), so the session cookie is first-party.
  skipTrailingSlashRedirect: true,
};

export default withNextIntl(config);
