import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.ts';
import { OpenApiDocument } from './openapi.ts';

/** Where Swagger UI's files are served from (swagger-ui-dist, mounted in app.ts): nothing comes from a CDN. */
export const SWAGGER_UI_ASSETS_PATH = '/api/docs/assets';

const SWAGGER_UI_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>oj API</title>
    <link rel="stylesheet" href="${SWAGGER_UI_ASSETS_PATH}/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${SWAGGER_UI_ASSETS_PATH}/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

// A file of its own rather than an inline script, so the Content-Security-Policy needs no 'unsafe-inline'.
const SWAGGER_UI_INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs.json', dom_id: '#swagger-ui', withCredentials: true });\n`;

@Controller()
export class DocsController {
  constructor(@Inject(OpenApiDocument) private readonly document: OpenApiDocument) {}

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Endpoint({ summary: 'This documentation (Swagger UI)', contentType: 'text/html', tags: ['operations'] })
  page(): string {
    return SWAGGER_UI_PAGE;
  }

  @Get('docs/init.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  initScript(): string {
    return SWAGGER_UI_INIT;
  }

  @Get('docs.json')
  @Endpoint({ summary: 'The OpenAPI 3.1 document', tags: ['operations'], contentType: 'application/json' })
  json(): Record<string, unknown> {
    return this.document.get();
  }
}
