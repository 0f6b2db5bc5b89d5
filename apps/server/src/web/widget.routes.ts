import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

const DEFAULT_WIDGET_PATH = fileURLToPath(new URL('../../../widget/dist/widget.js', import.meta.url));

const NOT_BUILT_SCRIPT = `/* The Sada chat widget is not built yet.
   Run "npm start" (it builds the widget when missing) or "npm run build -w @sada/widget".
   لم تُبنَ أداة المحادثة بعد: شغّل "npm start" أو "npm run build -w @sada/widget". */
`;

/**
 * Serves the live-chat widget at /widget.js for any company's page to load: cross-origin, cached
 * for a few minutes so a new build reaches every site soon. Read per request, so a rebuild needs
 * no restart.
 */
export const widgetRoutes: FastifyPluginAsync<{ widgetPath?: string }> = async (app, options) => {
  const widgetPath = options.widgetPath ?? DEFAULT_WIDGET_PATH;

  app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) => {
    const script = await readFile(widgetPath).catch(() => null);
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('x-content-type-options', 'nosniff');
    if (!script) return reply.status(503).header('cache-control', 'no-store').send(NOT_BUILT_SCRIPT);
    return reply.header('cache-control', 'public, max-age=300').send(script);
  });
};
