import {
  startSimulatedAlertmanager,
  type SimulatedAlertmanagerRequest,
  type SimulatedSilence,
} from '../../src/demo/simulated-alertmanager.js';

/**
 * A FAKE Prometheus Alertmanager for tests, on 127.0.0.1: the demo's SIMULATED one (the silences part of API v2,
 * validating bodies as the real one does) with every request recorded, failures and delays to inject, and a
 * notifier that sends webhook notifications like the real one (bearer token, retries on 5xx and connection
 * errors, never on 4xx).
 */

export interface FakeAlertmanagerRequest {
  method: string;
  path: string;
  authorization?: string;
  /** The JSON body; the text as it came when it is not JSON; undefined when empty. */
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
  silences(): SimulatedSilence[];
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

function recorded(request: SimulatedAlertmanagerRequest): FakeAlertmanagerRequest {
  const { text, ...rest } = request;
  if (text === '') return rest;
  try {
    return { ...rest, body: JSON.parse(text) as unknown };
  } catch {
    return { ...rest, body: text };
  }
}

export async function startFakeAlertmanager(): Promise<FakeAlertmanager> {
  const requests: FakeAlertmanagerRequest[] = [];
  let failures: { status: number; left: number } | undefined;
  let delayMs = 0;

  const simulated = await startSimulatedAlertmanager({
    version: '0.27.0-fake',
    async before(request) {
      requests.push(recorded(request));
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      if (failures && failures.left > 0) {
        failures.left -= 1;
        return { status: failures.status, text: 'fake alertmanager: injected failure' };
      }
      return undefined;
    },
  });

  return {
    url: simulated.url,
    silences: () => simulated.silences(),
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
    close: () => simulated.close(),
  };
}
