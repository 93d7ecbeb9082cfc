import { z } from 'zod';

/** Prometheus Alertmanager's API v2, the silences part (api/v2/openapi.yaml in prometheus/alertmanager). */

export const silenceMatcherSchema = z.object({
  name: z.string().min(1),
  value: z.string(),
  isRegex: z.boolean(),
  isEqual: z.boolean().default(true),
});
export type SilenceMatcher = z.infer<typeof silenceMatcherSchema>;

export interface NewSilence {
  matchers: SilenceMatcher[];
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  comment: string;
}

const postReplySchema = z.looseObject({ silenceID: z.string().min(1) });

export const gettableSilenceSchema = z.looseObject({
  id: z.string().min(1),
  status: z.looseObject({ state: z.enum(['expired', 'active', 'pending']) }),
  updatedAt: z.string(),
  matchers: z.array(silenceMatcherSchema),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
});
export type GettableSilence = z.infer<typeof gettableSilenceSchema>;

export class AlertmanagerError extends Error {
  constructor(
    message: string,
    /** The HTTP status when Alertmanager answered; undefined for a timeout or a connection error. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AlertmanagerError';
  }
}

const statusReplySchema = z.looseObject({ versionInfo: z.looseObject({ version: z.string() }).optional() });

export interface AlertmanagerClient {
  /** GET /api/v2/status: reachable, and which version (for doctor). */
  status(): Promise<{ version?: string }>;
  /** Creates a silence; returns its id. */
  createSilence(silence: NewSilence): Promise<string>;
  getSilence(id: string): Promise<GettableSilence>;
  /** Expires (ends) a silence now. */
  expireSilence(id: string): Promise<void>;
}

export interface AlertmanagerClientOptions {
  /** e.g. http://alertmanager.monitoring:9093 ; user:password@ in it becomes basic auth. */
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const SILENCE_ID = /^[A-Za-z0-9-]{1,100}$/;

export function createAlertmanagerClient(options: AlertmanagerClientOptions): AlertmanagerClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  // fetch refuses URLs with credentials in them: move them to a header.
  const base = new URL(options.baseUrl);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (base.username || base.password) {
    const user = decodeURIComponent(base.username);
    const password = decodeURIComponent(base.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    base.username = '';
    base.password = '';
  }
  const root = base.toString().replace(/\/+$/, '');
  // Where the error message says it went: never with the credentials.
  const where = (path: string) => `${root}${path}`;

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(where(path), {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
          ? `no answer within ${timeoutMs} ms`
          : error instanceof Error
            ? error.cause instanceof Error
              ? error.cause.message
              : error.message
            : String(error);
      throw new AlertmanagerError(`Alertmanager ${method} ${where(path)}: ${reason}`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const detail = text.trim().replace(/\s+/g, ' ').slice(0, 200);
      throw new AlertmanagerError(
        `Alertmanager ${method} ${where(path)}: HTTP ${response.status}${detail ? `: ${detail}` : ''}`,
        response.status,
      );
    }
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AlertmanagerError(`Alertmanager ${method} ${where(path)}: the answer is not JSON`, response.status);
    }
  }

  function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AlertmanagerError(
        `Alertmanager ${what}: unexpected answer (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`,
      );
    }
    return parsed.data;
  }

  function silenceId(id: string): string {
    if (!SILENCE_ID.test(id)) throw new AlertmanagerError(`not a silence id: "${id.slice(0, 40)}"`);
    return id;
  }

  return {
    async status() {
      const reply = checked(statusReplySchema, await call('GET', '/api/v2/status'), 'GET /api/v2/status');
      return reply.versionInfo ? { version: reply.versionInfo.version } : {};
    },
    async createSilence(silence) {
      if (silence.matchers.length === 0) throw new AlertmanagerError('a silence needs at least one matcher');
      const reply = await call('POST', '/api/v2/silences', {
        matchers: silence.matchers,
        startsAt: silence.startsAt.toISOString(),
        endsAt: silence.endsAt.toISOString(),
        createdBy: silence.createdBy,
        comment: silence.comment,
      });
      return checked(postReplySchema, reply, 'POST /api/v2/silences').silenceID;
    },
    async getSilence(id) {
      const path = `/api/v2/silence/${encodeURIComponent(silenceId(id))}`;
      return checked(gettableSilenceSchema, await call('GET', path), `GET ${path}`);
    },
    async expireSilence(id) {
      await call('DELETE', `/api/v2/silence/${encodeURIComponent(silenceId(id))}`);
    },
  };
}
