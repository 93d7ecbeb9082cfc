import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { ClusterExecutor } from '../cluster/executor.js';
import { createAlertmanagerClient } from '../alerts/alertmanager-client.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckLine {
  status: CheckStatus;
  part: string;
  detail: string;
  required: boolean;
}

export interface DoctorDeps {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** The cluster backend to reach; undefined when it could not be built (its error is reported instead). */
  cluster?: { executor?: ClusterExecutor; error?: string };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${ms} ms`)), ms);
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** `cli doctor`: one line per configured part; a failed required part makes the exit status 1. */
export async function runDoctor(config: Config, deps: DoctorDeps = {}): Promise<CheckLine[]> {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 5000;
  const lines: CheckLine[] = [{ status: 'ok', part: 'config', detail: 'environment parsed', required: true }];

  // Telegram: getMe over plain HTTP, so the check needs no bot framework.
  if (!config.telegram.token) {
    lines.push({ status: 'fail', part: 'telegram', detail: 'TELEGRAM_BOT_TOKEN is not set', required: true });
  } else {
    try {
      const body = await withTimeout(async (signal) => {
        const res = await doFetch(`${config.telegram.apiRoot}/bot${config.telegram.token}/getMe`, { signal });
        return (await res.json()) as { ok?: boolean; result?: { username?: string }; description?: string };
      }, timeoutMs);
      lines.push(
        body.ok
          ? { status: 'ok', part: 'telegram', detail: `@${body.result?.username ?? '?'} via ${config.telegram.apiRoot}`, required: true }
          : { status: 'fail', part: 'telegram', detail: body.description ?? 'getMe refused', required: true },
      );
    } catch (error) {
      lines.push({ status: 'fail', part: 'telegram', detail: `${config.telegram.apiRoot}: ${message(error)}`, required: true });
    }
  }

  // Redis: PING, without retrying forever.
  const redis = new Redis(config.redis.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
  });
  redis.on('error', () => undefined);
  try {
    const started = performance.now();
    await withTimeout(async () => {
      await redis.connect();
      await redis.ping();
    }, timeoutMs);
    lines.push({ status: 'ok', part: 'redis', detail: `PING ${Math.round(performance.now() - started)} ms`, required: true });
  } catch (error) {
    lines.push({ status: 'fail', part: 'redis', detail: message(error), required: true });
  } finally {
    redis.disconnect();
  }

  // Providers: GET /models with the key. Optional: the offline provider still serves cluster requests.
  const configured = new Set(config.providers.map((p) => p.name));
  for (const name of ['ollama', 'nvidia', 'gemini', 'anthropic'] as const) {
    const p = config.providers.find((x) => x.name === name);
    if (!p || !configured.has(name)) {
      lines.push({ status: 'skip', part: name, detail: 'not configured', required: false });
      continue;
    }
    try {
      const status = await withTimeout(async (signal) => {
        const res = await doFetch(`${p.baseUrl.replace(/\/+$/, '')}/models`, {
          signal,
          headers: p.apiKey ? { authorization: `Bearer ${p.apiKey}` } : {},
        });
        await res.body?.cancel();
        return res.status;
      }, timeoutMs);
      lines.push(
        status < 400
          ? { status: 'ok', part: name, detail: `${p.model} at ${p.baseUrl}`, required: false }
          : { status: 'warn', part: name, detail: `${p.baseUrl} answered HTTP ${status}`, required: false },
      );
    } catch (error) {
      lines.push({ status: 'warn', part: name, detail: `${p.baseUrl}: ${message(error)}`, required: false });
    }
  }

  // Alerts: the receiver's settings, and Alertmanager's API when silences are set up. Optional parts.
  const alerts = config.alerts;
  if (alerts.webhook) {
    const where = [`${alerts.routes.length} route${alerts.routes.length === 1 ? '' : 's'}`];
    if (alerts.defaultChatId !== undefined) where.push(`default chat ${alerts.defaultChatId}`);
    lines.push({
      status: 'ok',
      part: 'alerts',
      detail: `webhook receiver on port ${alerts.webhook.port}, ${where.join(', ')}`,
      required: false,
    });
  }
  if (alerts.alertmanagerUrl) {
    const shown = alerts.alertmanagerUrl.replace(/\/\/[^@/]*@/, '//');
    try {
      const status = await createAlertmanagerClient({ baseUrl: alerts.alertmanagerUrl, timeoutMs, fetch: doFetch }).status();
      lines.push({
        status: 'ok',
        part: 'alertmanager',
        detail: `${shown}${status.version ? ` (version ${status.version})` : ''}`,
        required: false,
      });
    } catch (error) {
      lines.push({ status: 'warn', part: 'alertmanager', detail: `${message(error)}: silences from the chat will fail`, required: false });
    }
  }

  // Cluster: the backend's own ping.
  if (deps.cluster?.error || !deps.cluster?.executor) {
    lines.push({ status: 'fail', part: 'cluster', detail: deps.cluster?.error ?? 'no cluster backend', required: true });
  } else {
    const executor = deps.cluster.executor;
    try {
      const ping = await withTimeout(() => executor.ping(), timeoutMs);
      lines.push({
        status: ping.ok ? 'ok' : 'fail',
        part: 'cluster',
        detail: `${ping.detail ?? executor.description} (${Math.round(ping.latencyMs)} ms)`,
        required: true,
      });
    } catch (error) {
      lines.push({ status: 'fail', part: 'cluster', detail: `${executor.description}: ${message(error)}`, required: true });
    }
  }
  return lines;
}

export function formatCheckLine(line: CheckLine): string {
  return `${line.status.toUpperCase().padEnd(4)}  ${line.part.padEnd(9)}  ${line.detail}`;
}

export function doctorExitCode(lines: CheckLine[]): number {
  return lines.some((l) => l.required && l.status === 'fail') ? 1 : 0;
}
