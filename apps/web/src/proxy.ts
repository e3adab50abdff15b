// Same-origin API: the browser calls /api/... on this server, which forwards to the API (API_URL, read at
// run time, so one build serves any deployment). Cookies stay first-party and CORS never comes into play.
// The client's address in X-Forwarded-For and the response headers are settled in lib/site-server.ts.
import type { ApiError } from '@oj/shared';
import { NextResponse, type NextRequest } from 'next/server';
import { maxProxiedBodyBytes } from '@/lib/http-policy';

function tooLarge(): NextResponse {
  const body: ApiError = { error: { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' } };
  return NextResponse.json(body, { status: 413 });
}

export function proxy(request: NextRequest) {
  // Answered before any of the body is forwarded. A body sent without a length is cut off by Next at the
  // same size, and the API's own smaller JSON limit answers 413 long before that.
  const limit = maxProxiedBodyBytes(request.method, request.nextUrl.pathname);
  if (Number(request.headers.get('content-length') ?? 0) > limit) return tooLarge();
  const target = new URL(
    `${request.nextUrl.pathname}${request.nextUrl.search}`,
    process.env.API_URL ?? 'http://127.0.0.1:3001',
  );
  return NextResponse.rewrite(target);
}

export const config = { matcher: '/api/:path*' };
