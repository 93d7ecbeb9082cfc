import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { BodyTooLarge, readBody } from '../alerts/read-body.js';

/**
 * A SIMULATED Prometheus Alertmanager for `npm run demo`: the silences part of API v2 (POST /api/v2/silences,
 * GET /api/v2/silences, GET and DELETE /api/v2/silence/{id}) and GET /api/v2/status, in memory, on 127.0.0.1.
 * The bot talks to it through the same client (src/alerts/alertmanager-client.ts) as to a real Alertmanager, so
 * the demo's Silence button makes a silence here. It keeps silences only: it evaluates no rules and sends no
 * notifications (the demo's /demo-alert posts those to the bot's receiver itself).
 */

const MAX_BODY_BYTES = 64 * 1024;

const matcherSchema = z.object({
  name: z.string().min(1),
  value: z.string(),
  isRegex: z.boolean(),
  isEqual: z.boolean().default(true),
});
const postableSilenceSchema = z.object({
  id: z.string().optional(),
  matchers: z.array(matcherSchema).min(1),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  createdBy: z.string().min(1),
  comment: z.string().min(1),
});

export interface SimulatedSilence {
  id: string;
  matchers: z.infer<typeof matcherSchema>[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  updatedAt: string;
  state: 'expired' | 'active' | 'pending';
}

/** A request as it reached the simulated Alertmanager, body as text. */
export interface SimulatedAlertmanagerRequest {
  method: string;
  path: string;
  authorization?: string;
  text: string;
}

export interface SimulatedAlertmanagerOptions {
  port?: number;
  now?: () => number;
  /** What GET /api/v2/status reports as the version. */
  version?: string;
  /** Sees every request before it is served; an answer returned here is sent instead (tests inject faults so). */
  before?: (request: SimulatedAlertmanagerRequest) => Promise<{ status: number; text: string } | undefined>;
}

export interface SimulatedAlertmanager {
  /** http://127.0.0.1:<port>, for ALERTMANAGER_URL. */
  url: string;
  /** Every silence made so far, with its state now. */
  silences(): SimulatedSilence[];
  /** True when an active silence matches these labels (as Alertmanager decides whether to hold an alert back). */
  isSilenced(labels: Readonly<Record<string, string>>): boolean;
  close(): Promise<void>;
}

interface Stored extends Omit<SimulatedSilence, 'state'> {
  expired: boolean;
}

function stateOf(s: Stored, now: number): SimulatedSilence['state'] {
  if (s.expired || Date.parse(s.endsAt) <= now) return 'expired';
  return Date.parse(s.startsAt) > now ? 'pending' : 'active';
}

function matches(matcher: z.infer<typeof matcherSchema>, labels: Readonly<Record<string, string>>): boolean {
  const value = labels[matcher.name] ?? '';
  let equal: boolean;
  if (!matcher.isRegex) equal = value === matcher.value;
  else {
    try {
      // Alertmanager anchors its regular expressions.
      equal = new RegExp(`^(?:${matcher.value})$`).test(value);
    } catch {
      equal = false;
    }
  }
  return equal === matcher.isEqual;
}

export async function startSimulatedAlertmanager(options: SimulatedAlertmanagerOptions = {}): Promise<SimulatedAlertmanager> {
  const now = options.now ?? Date.now;
  const silences = new Map<string, Stored>();
  const startedAt = new Date(now()).toISOString();

  const view = (s: Stored): SimulatedSilence => {
    const { expired: _expired, ...rest } = s;
    return { ...rest, matchers: s.matchers.map((m) => ({ ...m })), state: stateOf(s, now()) };
  };
  // The wire form of API v2: the state sits in a status object.
  const gettable = (s: Stored) => {
    const { state, ...rest } = view(s);
    return { ...rest, status: { state } };
  };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
    res.end(text);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let text: string;
    try {
      text = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
    } catch (error) {
      if (error instanceof BodyTooLarge) return send(res, 413, 'body too large');
      throw error;
    }
    const early = await options.before?.({
      method: req.method ?? '',
      path,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      text,
    });
    if (early) return send(res, early.status, early.text);
    if (req.method === 'GET' && path === '/api/v2/status') {
      return send(res, 200, {
        cluster: { status: 'disabled', peers: [] },
        versionInfo: { version: options.version ?? 'simulated' },
        uptime: startedAt,
        config: { original: '# the SIMULATED Alertmanager of the demo keeps silences only\n' },
      });
    }
    if (req.method === 'GET' && path === '/api/v2/silences') return send(res, 200, [...silences.values()].map(gettable));
    if (req.method === 'POST' && path === '/api/v2/silences') {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return send(res, 400, 'body is not JSON');
      }
      const parsed = postableSilenceSchema.safeParse(json);
      if (!parsed.success) return send(res, 400, `invalid silence: ${parsed.error.issues[0]?.message ?? 'bad body'}`);
      const s = parsed.data;
      if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) return send(res, 400, 'invalid silence: end time must not be before start time');
      if (s.matchers.every((m) => matches(m, {})))
        return send(res, 400, 'invalid silence: at least one matcher must not match the empty string');
      const id = s.id && silences.has(s.id) ? s.id : randomUUID();
      silences.set(id, {
        id,
        matchers: s.matchers,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        createdBy: s.createdBy,
        comment: s.comment,
        updatedAt: new Date(now()).toISOString(),
        expired: false,
      });
      return send(res, 200, { silenceID: id });
    }
    const one = /^\/api\/v2\/silence\/([^/]+)$/.exec(path);
    if (one?.[1]) {
      const found = silences.get(decodeURIComponent(one[1]));
      if (!found) return send(res, 404, 'silence not found');
      if (req.method === 'GET') return send(res, 200, gettable(found));
      if (req.method === 'DELETE') {
        found.expired = true;
        found.updatedAt = new Date(now()).toISOString();
        return send(res, 200, '');
      }
    }
    return send(res, 404, 'not found: the SIMULATED Alertmanager serves the silences of API v2 only');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'simulated alertmanager: internal error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    silences: () => [...silences.values()].map(view),
    isSilenced: (labels) =>
      [...silences.values()].some((s) => stateOf(s, now()) === 'active' && s.matchers.every((m) => matches(m, labels))),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
