import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AlertIntake } from './intake.js';
import { BodyTooLarge, readBody } from './read-body.js';
import { describePayloadProblem, webhookPayloadSchema } from './webhook-payload.js';

export interface AlertReceiverOptions {
  port: number;
  host?: string;
  token: string;
  maxBytes: number;
  intake: AlertIntake;
  logger: Logger;
  /** Counts outcomes (accepted, unauthorized, too_large, invalid, failed) for /metrics. */
  onOutcome?: (outcome: ReceiverOutcome) => void;
}

export type ReceiverOutcome = 'accepted' | 'unrouted' | 'unauthorized' | 'too_large' | 'invalid' | 'failed' | 'not_found';

export interface AlertReceiver {
  port: number;
  close(): Promise<void>;
}

const PATHS = new Set(['/', '/alerts']);

/** Equal-length digests, so the comparison takes the same time whatever the caller sent. */
function tokenMatches(header: string | undefined, expected: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = createHash('sha256')
    .update(m?.[1] ?? '')
    .digest();
  const wanted = createHash('sha256').update(expected).digest();
  return timingSafeEqual(given, wanted) && m !== null;
}

/**
 * The Alertmanager webhook receiver: POST / or /alerts with `Authorization: Bearer <ALERT_WEBHOOK_TOKEN>` and a
 * version 4 body. The notification is stored and queued before the 200, so an answer means it is safe; any
 * failure to store answers 5xx and Alertmanager retries. Nothing a caller sends can stop the process.
 */
export async function startAlertReceiver(options: AlertReceiverOptions): Promise<AlertReceiver> {
  const { logger, intake } = options;
  const count = (outcome: ReceiverOutcome) => options.onOutcome?.(outcome);

  const reply = (res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    if (res.headersSent) return;
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    res.end(`${JSON.stringify(body)}\n`);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const remote = req.socket.remoteAddress;
    if (!PATHS.has(path)) {
      count('not_found');
      return reply(res, 404, { error: 'not found: POST alerts to / or /alerts' }, { connection: 'close' });
    }
    if (req.method !== 'POST') {
      return reply(res, 405, { error: 'method not allowed: use POST' }, { allow: 'POST', connection: 'close' });
    }
    const authorized = tokenMatches(req.headers.authorization, options.token);
    const unauthorized = () => {
      count('unauthorized');
      logger.warn({ remote, path }, 'alert webhook refused: missing or wrong bearer token');
      return reply(res, 401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer', connection: 'close' });
    };
    // Too large: answered at once and the connection dropped, so nobody can make us read an endless body.
    const refuseLarge = (bytes?: number) => {
      res.once('finish', () => req.destroy());
      if (!authorized) return unauthorized();
      count('too_large');
      logger.warn({ remote, ...(bytes ? { bytes } : {}), max_bytes: options.maxBytes }, 'alert webhook refused: body too large');
      return reply(res, 413, { error: `body larger than ${options.maxBytes} bytes` }, { connection: 'close' });
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBytes) return refuseLarge(declared);
    // The body is read (up to the cap) even for a wrong token: answering before it is read would reset the
    // connection under a client still sending, and it would see no 401.
    let body: Buffer;
    try {
      body = await readBody(req, options.maxBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) return refuseLarge();
      throw error;
    }
    if (!authorized) return unauthorized();
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      count('invalid');
      logger.warn({ remote, bytes: body.length }, 'alert webhook refused: body is not JSON');
      return reply(res, 400, { error: 'body is not JSON' });
    }
    const parsed = webhookPayloadSchema.safeParse(json);
    if (!parsed.success) {
      const problem = describePayloadProblem(parsed.error);
      count('invalid');
      logger.warn({ remote, problem }, 'alert webhook refused: not an Alertmanager version 4 payload');
      return reply(res, 400, { error: `not an Alertmanager webhook version 4 payload: ${problem}` });
    }
    try {
      const result = await intake.receive(parsed.data);
      count(result.kind === 'stored' ? 'accepted' : 'unrouted');
      return reply(
        res,
        200,
        result.kind === 'stored' ? { status: 'ok', group: result.groupId } : { status: 'no route', group: result.groupId },
      );
    } catch (error) {
      count('failed');
      logger.error({ err: error }, 'could not store an alert notification; Alertmanager will retry');
      return reply(res, 503, { error: 'could not store the notification; retry later' });
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'alert webhook request failed');
      reply(res, 500, { error: 'internal error' });
    });
  });
  // A slow or broken client must not hold a socket forever, nor crash anything.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error }, 'alert receiver error'));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  logger.info({ port, max_bytes: options.maxBytes }, 'Alertmanager webhook receiver listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
