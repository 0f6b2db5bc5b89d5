import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

// The console is a single-page app: any GET outside the API that asks for HTML gets index.html.
const isApiPath = (url: string) => url.startsWith('/api/') || url === '/api' || url.startsWith('/webhooks/');

// Mantine sets inline style attributes, so styles need 'unsafe-inline'; scripts come only from here.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT_PAGE = `<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>صدى · Sada</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.6">
<h1>واجهة الوكلاء غير مبنية بعد</h1><p>شغّل <code>npm start</code> (يبني الواجهة تلقائيًا) أو <code>npm run build -w @sada/web</code>.</p>
<div dir="ltr"><h1>The agent console is not built yet</h1><p>Run <code>npm start</code> (it builds the console first) or <code>npm run build -w @sada/web</code>.</p></div>
<p dir="ltr">API: <a href="/api/docs">/api/docs</a></p></body></html>`;

/** Serves the built console from `webDir`, with the SPA fallback and security headers. */
export const webRoutes: FastifyPluginAsync<{ webDir: string }> = async (app, { webDir }) => {
  const indexPath = join(webDir, 'index.html');
  const isBuilt = existsSync(indexPath);
  const indexHtml = isBuilt ? await readFile(indexPath, 'utf8') : NOT_BUILT_PAGE;

  const sendIndex = (reply: FastifyReply) =>
    reply
      .status(isBuilt ? 200 : 503)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .send(indexHtml);

  if (isBuilt) {
    // wildcard: false registers one route per built file, so unknown paths fall through to the SPA.
    await app.register(fastifyStatic, {
      root: webDir,
      index: false,
      wildcard: false,
      setHeaders(response, path) {
        response.setHeader('x-content-type-options', 'nosniff');
        // Vite names built assets by content hash, so they never change under the same name.
        if (path.includes('/assets/'))
          response.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const wantsHtml = request.headers.accept?.includes('text/html') ?? false;
    if (wantsHtml && !isApiPath(request.url)) return sendIndex(reply);
    return reply.callNotFound();
  });
};
