// `npm run start -w @oj/web`: Next's production server inside a plain Node HTTP server that does, for
// every request, what Next leaves to whoever runs it:
// - X-Forwarded-For names the address the connection comes from. Next keeps a value the client wrote
//   itself and passes it to the API through src/proxy.ts, which would let anyone pick the address the
//   API's rate limits count.
// - The security headers (lib/http-policy.ts) are on every response, also the API's answers passed on.
// - `x-middleware-rewrite`, which Next adds to every proxied response, is dropped: it names the API's
//   internal address.
//   PORT=3000 API_URL=http://127.0.0.1:3001 node src/lib/site-server.ts   (all interfaces, like `next start`)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './http-policy.ts';

const WEB_DIR = path.resolve(import.meta.dirname, '../..');

function nameTheClient(request: IncomingMessage): void {
  const address = request.socket.remoteAddress;
  if (address) request.headers['x-forwarded-for'] = address;
  else delete request.headers['x-forwarded-for'];
}

function applyHeaderPolicy(response: ServerResponse): void {
  const writeHead = response.writeHead.bind(response);
  // Every way of sending the head (writeHead, or the first write/end) goes through writeHead.
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    this.removeHeader('x-middleware-rewrite');
    for (const { key, value } of SECURITY_HEADERS) {
      const current = this.getHeader(key);
      // A stricter policy of the API stays in force beside ours (a browser applies both).
      if (key === 'Content-Security-Policy' && current !== undefined && String(current) !== CONTENT_SECURITY_POLICY) {
        this.setHeader(key, [String(current), value]);
      } else {
        this.setHeader(key, value);
      }
    }
    return writeHead(...args);
  } as ServerResponse['writeHead'];
}

// A custom server is a production server only when told so (React and Next pick their builds by it).
Object.assign(process.env, { NODE_ENV: 'production' });
// Where `next start` runs; next.config.ts's own imports are resolved from here.
process.chdir(WEB_DIR);
const { default: next } = await import('next');
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, dir: WEB_DIR, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  nameTheClient(request);
  applyHeaderPolicy(response);
  void handle(request, response);
});
server.listen(port, () => console.log(`site: listening on port ${port}`));

const shutdown = (): void => {
  server.close();
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
