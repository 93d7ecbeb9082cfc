import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { BotApiEmulatorError } from './bot-api-emulator-errors.js';
import { methodKey, type EmulatedFaultPlan } from './bot-api-emulator-faults.js';
import type { BotApiMethodHandler, BotApiMethodTable } from './bot-api-emulator-method.js';
import { readBotApiRequest } from './bot-api-emulator-request.js';
import type { EmulatedApiCall } from './bot-api-emulator-types.js';

export interface EmulatorHttpServerDeps {
  methods: BotApiMethodTable;
  faults: EmulatedFaultPlan;
  /** When set, other tokens are answered 401 Unauthorized. */
  tokens?: ReadonlySet<string>;
  recordCall(call: EmulatedApiCall): void;
  /** Called after a recorded call got its outcome (so waiters see errors being set). */
  changed(): void;
  logger?: Logger;
}

export interface EmulatorHttpServer {
  apiRoot: string;
  close(): Promise<void>;
}

const BOT_PATH = /^\/bot([^/]+)\/([A-Za-z0-9_]+)$/;

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function replyError(res: ServerResponse, error: BotApiEmulatorError): void {
  reply(res, error.errorCode, error.toResponseBody());
}

/** The HTTP face of the emulator: `POST|GET /bot<token>/<method>`, answered in the Bot API's JSON envelope. */
export async function startEmulatorHttpServer(
  deps: EmulatorHttpServerDeps,
  listen: { host: string; port: number },
): Promise<EmulatorHttpServer> {
  const handlers = new Map<string, { name: string; handler: BotApiMethodHandler }>(
    Object.entries(deps.methods).map(([name, handler]) => [methodKey(name), { name, handler }]),
  );
  const inFlight = new Set<AbortController>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const route = BOT_PATH.exec(url.pathname);
    if (!route || (req.method !== 'GET' && req.method !== 'POST')) {
      reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const token = decodeURIComponent(route[1] ?? '');
    const requested = route[2] ?? '';
    if (deps.tokens && !deps.tokens.has(token)) {
      reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }

    const aborter = new AbortController();
    inFlight.add(aborter);
    res.on('close', () => {
      inFlight.delete(aborter);
      if (!res.writableFinished) aborter.abort();
    });

    const entry = handlers.get(methodKey(requested));
    const call: EmulatedApiCall = { method: entry?.name ?? requested, params: {}, at: Date.now() };
    try {
      const { params, files } = await readBotApiRequest(req, url);
      call.params = params;
      deps.recordCall(call);
      deps.logger?.debug({ method: call.method }, 'Bot API emulator: call');
      const delay = deps.faults.delayFor(call.method);
      if (delay > 0) await sleep(delay, undefined, { signal: aborter.signal });
      const injected = deps.faults.takeError(call.method);
      if (injected) throw injected;
      if (!entry) throw new BotApiEmulatorError(404, 'Not Found');
      const result = await entry.handler(call.params, { token, signal: aborter.signal, files });
      reply(res, 200, { ok: true, result });
    } catch (error) {
      if (aborter.signal.aborted) return;
      const answer =
        error instanceof BotApiEmulatorError ? error : new BotApiEmulatorError(500, 'Internal Server Error: the Bot API emulator failed');
      if (!(error instanceof BotApiEmulatorError)) {
        deps.logger?.error({ err: error, method: call.method }, 'Bot API emulator: handler failed');
      }
      call.error = { error_code: answer.errorCode, description: answer.description };
      deps.changed();
      replyError(res, answer);
    }
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  // Long polls hold requests open for up to 50 s; the default timeouts must not cut them.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo; // listening on TCP, so an AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    apiRoot: `http://${host}:${address.port}`,
    async close() {
      for (const aborter of inFlight) aborter.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
