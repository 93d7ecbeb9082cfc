import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';

/**
 * A FAKE Prometheus Alertmanager for tests, on 127.0.0.1: the silences part of API v2 (POST /api/v2/silences,
 * GET /api/v2/silences, GET and DELETE /api/v2/silence/{id}), validating bodies as the real one does, and a
 * notifier that sends webhook notifications like the real one (bearer token, retries on 5xx and connection
 * errors, never on 4xx).
 */

const matcherSchema = z.object({ name: z.string().min(1), value: z.string(), isRegex: z.boolean(), isEqual: z.boolean().optional() });
const postableSilenceSchema = z.object({
  id: z.string().optional(),
  matchers: z.array(matcherSchema).min(1),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  createdBy: z.string().min(1),
  comment: z.string().min(1),
});

export interface FakeSilence {
  id: string;
  matchers: z.infer<typeof matcherSchema>[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  updatedAt: string;
  expired: boolean;
}

export interface FakeAlertmanagerRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

export interface NotifyResult {
  /** The HTTP status of each attempt (0: connection error). */
  attempts: number[];
  /** The last status, or undefined when the last attempt could not connect. */
  status?: number;
  body?: string;
}

export interface FakeAlertmanager {
  url: string;
  silences(): FakeSilence[];
  requests(): FakeAlertmanagerRequest[];
  /** The next `times` API requests are answered with this status (500: an Alertmanager in trouble). */
  failNext(status: number, times?: number): void;
  /** Every API request waits this long before it is answered (for timeouts). */
  setDelay(ms: number): void;
  /**
   * POSTs one notification to a webhook receiver as Alertmanager's notifier does: retried with a growing pause after
   * a 5xx or a connection error, not after a 4xx.
   */
  notify(
    target: { url: string; token?: string },
    body: unknown,
    options?: { attempts?: number; backoffMs?: number },
  ): Promise<NotifyResult>;
  close(): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text === '' ? undefined : JSON.parse(text));
      } catch {
        resolve(Symbol.for('invalid-json'));
      }
    });
    req.once('error', reject);
  });
}

/** What Alertmanager reports: expired once endsAt is past (or DELETEd), pending before startsAt. */
function state(s: FakeSilence, now: number): 'expired' | 'active' | 'pending' {
  if (s.expired || Date.parse(s.endsAt) <= now) return 'expired';
  return Date.parse(s.startsAt) > now ? 'pending' : 'active';
}

function gettable(s: FakeSilence) {
  const { expired: _expired, ...rest } = s;
  return { ...rest, matchers: s.matchers.map((m) => ({ isEqual: true, ...m })), status: { state: state(s, Date.now()) } };
}

export async function startFakeAlertmanager(): Promise<FakeAlertmanager> {
  const silences = new Map<string, FakeSilence>();
  const requests: FakeAlertmanagerRequest[] = [];
  let failures: { status: number; left: number } | undefined;
  let delayMs = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
    res.end(text);
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = await readJson(req);
    requests.push({
      method: req.method ?? '',
      path,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      body,
    });
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (failures && failures.left > 0) {
      failures.left -= 1;
      return send(res, failures.status, 'fake alertmanager: injected failure');
    }
    if (req.method === 'POST' && path === '/api/v2/silences') {
      const parsed = postableSilenceSchema.safeParse(body);
      if (!parsed.success) return send(res, 400, `invalid silence: ${parsed.error.issues[0]?.message ?? 'bad body'}`);
      const s = parsed.data;
      if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) return send(res, 400, 'invalid silence: end time must not be before start time');
      // Alertmanager refuses a silence that would match every alert.
      if (s.matchers.every((m) => m.value === '' && m.isEqual !== false))
        return send(res, 400, 'invalid silence: at least one matcher must not match the empty string');
      const id = s.id && silences.has(s.id) ? s.id : randomUUID();
      silences.set(id, {
        id,
        matchers: s.matchers,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        createdBy: s.createdBy,
        comment: s.comment,
        updatedAt: new Date().toISOString(),
        expired: false,
      });
      return send(res, 200, { silenceID: id });
    }
    if (req.method === 'GET' && path === '/api/v2/status') {
      return send(res, 200, {
        cluster: { status: 'ready', peers: [] },
        versionInfo: { version: '0.27.0-fake' },
        uptime: new Date().toISOString(),
        config: { original: '' },
      });
    }
    if (req.method === 'GET' && path === '/api/v2/silences') return send(res, 200, [...silences.values()].map(gettable));
    const one = /^\/api\/v2\/silence\/([^/]+)$/.exec(path);
    if (one?.[1]) {
      const found = silences.get(decodeURIComponent(one[1]));
      if (!found) return send(res, 404, 'silence not found');
      if (req.method === 'GET') return send(res, 200, gettable(found));
      if (req.method === 'DELETE') {
        found.expired = true;
        found.updatedAt = new Date().toISOString();
        return send(res, 200, '');
      }
    }
    return send(res, 404, 'not found');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'fake alertmanager: internal error'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    silences: () => [...silences.values()].map((s) => ({ ...s })),
    requests: () => [...requests],
    failNext(status, times = 1) {
      failures = { status, left: times };
    },
    setDelay(ms) {
      delayMs = ms;
    },
    async notify(target, body, options = {}) {
      const attempts: number[] = [];
      const maxAttempts = options.attempts ?? 5;
      for (let i = 0; i < maxAttempts; i++) {
        let status = 0;
        let text: string | undefined;
        try {
          const response = await fetch(target.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Alertmanager/fake',
              ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
            },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(10_000),
          });
          status = response.status;
          text = await response.text();
        } catch {
          // A connection error: Alertmanager retries it like a 5xx.
        }
        attempts.push(status);
        const retry = status === 0 || status >= 500;
        if (!retry) return { attempts, status, ...(text !== undefined ? { body: text } : {}) };
        if (i < maxAttempts - 1) await new Promise((r) => setTimeout(r, (options.backoffMs ?? 100) * 2 ** i));
      }
      const last = attempts.at(-1);
      return { attempts, ...(last ? { status: last } : {}) };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
