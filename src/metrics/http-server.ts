import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

/**
 * /healthz: the process is alive. /readyz: it can do its job (Redis reachable; the bot polling or standing by).
 * /metrics: Prometheus text. Port 0 picks a free port (tests); the bound port is returned.
 */
export async function startMetricsServer(options: {
  port: number;
  host?: string;
  registry: Registry;
  readiness: () => Promise<Readiness>;
  logger: Logger;
}): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const reply = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET') return reply(405, 'method not allowed\n');
    if (path === '/healthz') return reply(200, 'ok\n');
    if (path === '/readyz') {
      options.readiness().then(
        (r) => reply(r.ready ? 200 : 503, `${JSON.stringify(r)}\n`, 'application/json'),
        (error: unknown) => reply(503, `${JSON.stringify({ ready: false, checks: { error: String(error) } })}\n`, 'application/json'),
      );
      return;
    }
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => reply(200, text, options.registry.contentType),
        (error: unknown) => {
          options.logger.error({ err: error }, 'metrics collection failed');
          reply(500, 'metrics collection failed\n');
        },
      );
      return;
    }
    reply(404, 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger.info({ port }, 'health and metrics endpoints listening');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
