// Same-origin API: the browser calls /api/... on this server, which forwards to the API (API_URL, read at
// run time, so one build serves any deployment). Cookies stay first-party and CORS never comes into play.
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(request: NextRequest) {
  const target = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, process.env.API_URL ?? 'http://127.0.0.1:3001');
  return NextResponse.rewrite(target);
}

export const config = { matcher: '/api/:path*' };
